package org.fundguard.kit.page;

import io.quarkus.panache.common.Page;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.QueryParam;

/**
 * The paging query parameters every list takes ({@code contracts/openapi/common.yaml#/components/parameters/Page} and
 * {@code Size}): {@code page} zero-based (0–1000000, default 0), {@code size} 1–200 (default 20). Use it as
 * {@code @Valid @BeanParam PageRequest paging}; a value out of range is a 400 problem naming the parameter.
 */
public class PageRequest {

    public static final int MAX_PAGE = 1_000_000;
    public static final int MAX_SIZE = 200;
    public static final int DEFAULT_SIZE = 20;

    @QueryParam("page")
    @DefaultValue("0")
    @Min(0)
    @Max(MAX_PAGE)
    int page;

    @QueryParam("size")
    @DefaultValue("20")
    @Min(1)
    @Max(MAX_SIZE)
    int size = DEFAULT_SIZE;

    /** For the REST layer; code uses {@link #of(int, int)}. */
    public PageRequest() {
    }

    private PageRequest(int page, int size) {
        this.page = page;
        this.size = size;
    }

    /**
     * A page request made in code.
     *
     * @throws IllegalArgumentException when page or size is out of range
     */
    public static PageRequest of(int page, int size) {
        if (page < 0 || page > MAX_PAGE) {
            throw new IllegalArgumentException("page must be between 0 and " + MAX_PAGE + ": " + page);
        }
        if (size < 1 || size > MAX_SIZE) {
            throw new IllegalArgumentException("size must be between 1 and " + MAX_SIZE + ": " + size);
        }
        return new PageRequest(page, size);
    }

    /** The first page of the default size. */
    public static PageRequest first() {
        return new PageRequest(0, DEFAULT_SIZE);
    }

    public int page() {
        return page;
    }

    public int size() {
        return size;
    }

    /** Rows to skip: {@code page * size} (SQL {@code OFFSET}); {@link #size()} is the {@code LIMIT}. */
    public long offset() {
        return (long) page * size;
    }

    /** The same page for Panache queries ({@code find(…).page(paging.panache())}). */
    public Page panache() {
        return Page.of(page, size);
    }

    @Override
    public String toString() {
        return "page " + page + " of size " + size;
    }
}

package org.fundguard.kit.page;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * One page of a list as every list answers it ({@code contracts/openapi/common.yaml#/components/schemas/PageMeta}
 * plus {@code items}): a page past the end has no items and still the right {@code totalItems} and {@code totalPages}.
 */
public record PageView<T>(
        @Schema(required = true) List<T> items,
        @Schema(required = true) int page,
        @Schema(required = true) int size,
        @Schema(required = true) long totalItems,
        @Schema(required = true) int totalPages) {

    public PageView {
        items = List.copyOf(items);
    }

    /** The page {@code req} asked for, holding {@code items}, of a list of {@code totalItems}. */
    public static <T> PageView<T> of(List<T> items, PageRequest req, long totalItems) {
        Objects.requireNonNull(req, "req");
        if (totalItems < 0) {
            throw new IllegalArgumentException("totalItems must not be negative: " + totalItems);
        }
        long pages = (totalItems + req.size() - 1) / req.size();
        return new PageView<>(items, req.page(), req.size(), totalItems, (int) Math.min(pages, Integer.MAX_VALUE));
    }

    /** The same page with each item mapped, e.g. entities to views. */
    public <R> PageView<R> map(Function<? super T, ? extends R> mapper) {
        return new PageView<>(items.stream().<R>map(mapper).toList(), page, size, totalItems, totalPages);
    }
}

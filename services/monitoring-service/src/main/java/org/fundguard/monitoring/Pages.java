package org.fundguard.monitoring;

/** Paging arithmetic shared by every list of the service (contracts/README.md "Lists"). */
public final class Pages {

    private Pages() {
    }

    /** The number of pages of {@code size} items that hold {@code totalItems}; 0 for none. */
    public static int totalPages(long totalItems, int size) {
        return (int) Math.min(Integer.MAX_VALUE, (totalItems + size - 1) / size);
    }
}

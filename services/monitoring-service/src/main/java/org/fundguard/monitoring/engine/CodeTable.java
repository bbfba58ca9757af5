package org.fundguard.monitoring.engine;

import java.util.HashMap;
import java.util.Map;

/**
 * A read-only hash table from national code to value, laid out so that a lookup costs one cache line: the code is
 * packed into three longs (6 bits a character, up to 30 characters of 0-9 A-Z a-z) stored in the slot beside the value's
 * index, so no key String, node or byte array is loaded. Codes that do not pack (longer, or other characters) live in a
 * plain {@link HashMap}. Lookups neither allocate nor box.
 */
final class CodeTable<V> {

    private static final int MAX_LEN = 30;
    private static final int STRIDE = 4;

    private final long[] slots; // per slot: key0, key1, key2, value index
    private final int mask;
    private final Object[] values;
    private final Map<String, V> other = new HashMap<>();

    CodeTable(Map<String, V> entries) {
        int packable = 0;
        for (String code : entries.keySet()) {
            if (packable(code)) {
                packable++;
            }
        }
        int capacity = Integer.highestOneBit(Math.max(4, packable * 2 - 1)) << 1;
        mask = capacity - 1;
        slots = new long[capacity * STRIDE];
        values = new Object[packable];
        int next = 0;
        for (Map.Entry<String, V> e : entries.entrySet()) {
            String code = e.getKey();
            if (!packable(code)) {
                other.put(code, e.getValue());
                continue;
            }
            long k0 = pack(code, 0);
            long k1 = pack(code, 10);
            long k2 = pack(code, 20);
            int i = slot(k0, k1, k2);
            while (slots[i * STRIDE] != 0) {
                i = (i + 1) & mask;
            }
            int base = i * STRIDE;
            slots[base] = k0;
            slots[base + 1] = k1;
            slots[base + 2] = k2;
            slots[base + 3] = next;
            values[next++] = e.getValue();
        }
    }

    /** The value for the code, or null (also for a null code). */
    @SuppressWarnings("unchecked")
    V get(String code) {
        if (code == null) {
            return null;
        }
        int len = code.length();
        if (len == 0 || len > MAX_LEN) {
            return other.isEmpty() ? null : other.get(code);
        }
        long k0 = 0;
        long k1 = 0;
        long k2 = 0;
        for (int c = 0; c < len; c++) {
            int v = value(code.charAt(c));
            if (v < 0) {
                return other.isEmpty() ? null : other.get(code);
            }
            if (c < 10) {
                k0 = (k0 << 6) | v;
            } else if (c < 20) {
                k1 = (k1 << 6) | v;
            } else {
                k2 = (k2 << 6) | v;
            }
        }
        // same layout as pack(): a shorter part is left-aligned by its remaining length
        if (len < 10) {
            k0 <<= 6 * (10 - len);
        } else if (len < 20) {
            k1 <<= 6 * (20 - len);
        } else if (len < 30) {
            k2 <<= 6 * (30 - len);
        }
        int i = slot(k0, k1, k2);
        while (true) {
            int base = i * STRIDE;
            long s0 = slots[base];
            if (s0 == 0) {
                return null;
            }
            if (s0 == k0 && slots[base + 1] == k1 && slots[base + 2] == k2) {
                return (V) values[(int) slots[base + 3]];
            }
            i = (i + 1) & mask;
        }
    }

    int size() {
        return values.length + other.size();
    }

    private int slot(long k0, long k1, long k2) {
        long h = k0 * 0x9E3779B97F4A7C15L ^ k1 * 0xC2B2AE3D27D4EB4FL ^ k2 * 0x165667B19E3779F9L;
        return (int) (h ^ (h >>> 29) ^ (h >>> 47)) & mask;
    }

    private static boolean packable(String code) {
        if (code.isEmpty() || code.length() > MAX_LEN) {
            return false;
        }
        for (int c = 0; c < code.length(); c++) {
            if (value(code.charAt(c)) < 0) {
                return false;
            }
        }
        return true;
    }

    /** Ten characters from {@code from}, 6 bits each, left-aligned; 0 marks "no character". */
    private static long pack(String code, int from) {
        long k = 0;
        for (int c = from; c < from + 10; c++) {
            k = (k << 6) | (c < code.length() ? value(code.charAt(c)) : 0);
        }
        return k;
    }

    /** 1–10 digits, 11–36 upper case, 37–62 lower case; -1 for anything else. */
    private static int value(char ch) {
        if (ch >= '0' && ch <= '9') {
            return ch - '0' + 1;
        }
        if (ch >= 'A' && ch <= 'Z') {
            return ch - 'A' + 11;
        }
        if (ch >= 'a' && ch <= 'z') {
            return ch - 'a' + 37;
        }
        return -1;
    }
}

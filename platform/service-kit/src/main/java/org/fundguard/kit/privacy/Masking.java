package org.fundguard.kit.privacy;

import java.util.Set;

/**
 * Masks personal data for display to staff without need-to-know (脱敏): identity numbers, personal numbers, phone numbers,
 * names; shared by the services (reports-service's reporters, monitoring-service's patients).
 * Each masked character becomes one {@code *}; a value too short to mask safely is masked entirely.
 */
public final class Masking {

    private static final char MASK = '*';

    // common two-character surnames (复姓); for these the whole surname stays visible
    private static final Set<String> COMPOUND_SURNAMES = Set.of(
            "欧阳", "司马", "上官", "诸葛", "东方", "皇甫", "尉迟", "公孙", "慕容", "长孙", "宇文", "司徒",
            "夏侯", "轩辕", "令狐", "端木", "南宫", "西门", "独孤", "澹台", "呼延", "百里", "东郭", "万俟",
            "钟离", "赫连", "申屠", "闻人", "公冶", "太史", "濮阳", "淳于", "单于", "仲孙", "拓跋", "司空",
            "左丘", "谷梁", "第五", "宗政", "公羊", "羊舌", "微生", "梁丘", "段干", "巫马", "乐正", "漆雕");

    private Masking() {
    }

    /** Identity number: the first 6 (region) and last 4 characters shown, {@code 110105********002X}. */
    public static String identityNumber(String id) {
        return keepEnds(id, 6, 4);
    }

    /**
     * An opaque personal number that must not be parsed (人员编号 {@code psn_no}): only the last 4 characters shown,
     * {@code ****************5675}.
     */
    public static String personNumber(String number) {
        return keepEnds(number, 0, 4);
    }

    /** Phone number: the first 3 and last 4 characters shown, {@code 138****5678}. */
    public static String phone(String phone) {
        return keepEnds(phone, 3, 4);
    }

    /**
     * Personal name: the surname shown, every other character masked: {@code 张三 → 张*}, {@code 欧阳娜娜 → 欧阳**};
     * a one-character name is masked entirely.
     */
    public static String name(String name) {
        if (name == null) {
            return null;
        }
        String trimmed = name.strip();
        int length = trimmed.codePointCount(0, trimmed.length());
        if (length <= 1) {
            return repeat(length);
        }
        int surname = length > 2 && COMPOUND_SURNAMES.contains(firstCodePoints(trimmed, 2)) ? 2 : 1;
        return firstCodePoints(trimmed, surname) + repeat(length - surname);
    }

    // works on code points so that a rare character outside the BMP (a surrogate pair) is never split
    private static String keepEnds(String value, int head, int tail) {
        if (value == null) {
            return null;
        }
        String trimmed = value.strip();
        int length = trimmed.codePointCount(0, trimmed.length());
        if (length <= head + tail) {
            return repeat(length);
        }
        int headEnd = trimmed.offsetByCodePoints(0, head);
        int tailStart = trimmed.offsetByCodePoints(0, length - tail);
        return trimmed.substring(0, headEnd) + repeat(length - head - tail) + trimmed.substring(tailStart);
    }

    private static String firstCodePoints(String s, int count) {
        return s.substring(0, s.offsetByCodePoints(0, count));
    }

    private static String repeat(int count) {
        return String.valueOf(MASK).repeat(count);
    }
}

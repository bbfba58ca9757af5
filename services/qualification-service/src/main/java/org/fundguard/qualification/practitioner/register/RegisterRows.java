package org.fundguard.qualification.practitioner.register;

import org.fundguard.qualification.practitioner.PersonType;
import org.fundguard.qualification.practitioner.PractitionerCodes;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The register file's fields (national style, docs/domain/data-formats.md §11.3) and the check of one row. Pure: no
 * Quarkus. A row is one person at one institution; a person at several institutions has several rows.
 */
public final class RegisterRows {

    /** 医保医师代码 / 药学、技术人员代码 / local code. Required. */
    public static final String CODE = "prac_psn_code";
    /** One of {@link PersonType}. Required. */
    public static final String TYPE = "prac_psn_type";
    /** The person's name. Required, ≤ 50. */
    public static final String NAME = "psn_name";
    /** 定点医药机构代码. Required, ≤ 30. */
    public static final String FIXMEDINS_CODE = "fixmedins_code";
    /** 定点医药机构名称. Optional, ≤ 200. */
    public static final String FIXMEDINS_NAME = "fixmedins_name";
    /** The institution's 6-digit administrative code; the file's region when the row creates the file. Required. */
    public static final String ADMDVS = "admdvs";
    /** Practising there since (yyyy-MM-dd). Optional. */
    public static final String BEGNDATE = "begndate";
    /** Practising there until (yyyy-MM-dd), empty while current. Optional. */
    public static final String ENDDATE = "enddate";

    public static final List<String> REQUIRED = List.of(CODE, TYPE, NAME, FIXMEDINS_CODE, ADMDVS);
    public static final List<String> FIELDS = List.of(CODE, TYPE, NAME, FIXMEDINS_CODE, FIXMEDINS_NAME, ADMDVS, BEGNDATE, ENDDATE);

    private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");

    private RegisterRows() {
    }

    /** The result of checking a file's rows: the good ones and every refusal. */
    public record Checked(List<RegisterEntry> good, List<RowError> errors) {
    }

    /**
     * Checks every row; a row with any error is refused whole. The first good row of a code fixes the person's type
     * and name for the file: a later row of the same code that gives another type or name is refused.
     */
    public static Checked checkAll(List<RegisterRow> rows) {
        List<RegisterEntry> good = new ArrayList<>();
        List<RowError> errors = new ArrayList<>();
        Map<String, RegisterEntry> firstOfCode = new HashMap<>();
        Map<String, Integer> seenPair = new HashMap<>();
        for (RegisterRow r : rows) {
            List<RowError> rowErrors = new ArrayList<>();
            RegisterEntry e = check(r, rowErrors);
            if (e != null) {
                RegisterEntry first = firstOfCode.get(e.code());
                if (first != null && first.type() != e.type()) {
                    rowErrors.add(new RowError(r.row(), TYPE, "differs from row " + first.row() + " of the same " + CODE));
                }
                if (first != null && !first.name().equals(e.name())) {
                    rowErrors.add(new RowError(r.row(), NAME, "differs from row " + first.row() + " of the same " + CODE));
                }
                Integer same = seenPair.get(e.code() + "\u0000" + e.fixmedinsCode());
                if (same != null) {
                    rowErrors.add(new RowError(r.row(), FIXMEDINS_CODE, "the same person and institution as row " + same));
                }
            }
            if (rowErrors.isEmpty()) {
                firstOfCode.putIfAbsent(e.code(), e);
                seenPair.put(e.code() + "\u0000" + e.fixmedinsCode(), r.row());
                good.add(e);
            } else {
                errors.addAll(rowErrors);
            }
        }
        return new Checked(List.copyOf(good), List.copyOf(errors));
    }

    /** One row: the entry when it is good, else null with its errors added to {@code errors}. */
    public static RegisterEntry check(RegisterRow r, List<RowError> errors) {
        int before = errors.size();
        int n = r.row();
        String typeName = trim(r.get(TYPE));
        PersonType type = null;
        if (typeName == null) {
            errors.add(new RowError(n, TYPE, "is required; one of " + PractitionerCodes.ALLOWED_TYPES));
        } else {
            type = PractitionerCodes.type(typeName);
            if (type == null) {
                errors.add(new RowError(n, TYPE, "must be one of " + PractitionerCodes.ALLOWED_TYPES));
            }
        }
        String code = trim(r.get(CODE));
        if (code == null) {
            errors.add(new RowError(n, CODE, "is required"));
        } else if (type != null) {
            String p = PractitionerCodes.codeProblem(type, code);
            if (p != null) {
                errors.add(new RowError(n, CODE, p));
            }
        } else if (!PractitionerCodes.LOCAL.matcher(code).matches()) {
            errors.add(new RowError(n, CODE, "must be 1 to 30 letters, digits, '-' or '_'"));
        }
        String name = trim(r.get(NAME));
        text(errors, n, NAME, name, 50, true);
        String fixCode = trim(r.get(FIXMEDINS_CODE));
        if (fixCode == null) {
            errors.add(new RowError(n, FIXMEDINS_CODE, "is required"));
        } else if (!PractitionerCodes.INSTITUTION.matcher(fixCode).matches()) {
            errors.add(new RowError(n, FIXMEDINS_CODE, "must be 1 to 30 letters, digits, '-' or '_' (nationally H or P and 11 digits)"));
        }
        String fixName = trim(r.get(FIXMEDINS_NAME));
        text(errors, n, FIXMEDINS_NAME, fixName, 200, false);
        String admdvs = trim(r.get(ADMDVS));
        if (admdvs == null) {
            errors.add(new RowError(n, ADMDVS, "is required"));
        } else if (!PractitionerCodes.ADMDVS.matcher(admdvs).matches()) {
            errors.add(new RowError(n, ADMDVS, "must be a 6-digit administrative code"));
        }
        LocalDate begn = date(errors, n, BEGNDATE, trim(r.get(BEGNDATE)));
        LocalDate end = date(errors, n, ENDDATE, trim(r.get(ENDDATE)));
        if (begn != null && end != null && end.isBefore(begn)) {
            errors.add(new RowError(n, ENDDATE, "must not be before " + BEGNDATE));
        }
        if (errors.size() > before) {
            return null;
        }
        return new RegisterEntry(n, code, type, name, fixCode, fixName, admdvs, begn, end);
    }

    private static void text(List<RowError> errors, int n, String field, String value, int max, boolean required) {
        String p = PractitionerCodes.textProblem(value, max, required);
        if (p != null) {
            errors.add(new RowError(n, field, p));
        }
    }

    private static LocalDate date(List<RowError> errors, int n, String field, String value) {
        if (value == null) {
            return null;
        }
        if (!DATE.matcher(value).matches()) {
            errors.add(new RowError(n, field, "must be a date yyyy-MM-dd"));
            return null;
        }
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            errors.add(new RowError(n, field, "is not a calendar date"));
            return null;
        }
    }

    private static String trim(String s) {
        if (s == null) {
            return null;
        }
        String t = s.strip();
        return t.isEmpty() ? null : t;
    }
}

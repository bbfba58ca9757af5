package org.fundguard.kit.problem;

/** A refusal a caller can act on; its message becomes the problem's detail, so it must never carry personal data. */
public abstract class DomainException extends RuntimeException {

    protected DomainException(String detail) {
        super(detail);
    }

    /** The HTTP status this refusal maps to. */
    public abstract int status();

    /** The problem title for that status. */
    public abstract String title();

    /** The fields this refusal is about, when it is about fields. */
    public java.util.List<Problem.FieldError> errors() {
        return java.util.List.of();
    }

    /** No such record, or none the caller may see (404). */
    public static class RecordNotFound extends DomainException {
        public RecordNotFound(String detail) {
            super(detail);
        }

        @Override
        public int status() {
            return 404;
        }

        @Override
        public String title() {
            return "Not Found";
        }
    }

    /** The record is not in a state that allows this (409). */
    public static class StateConflict extends DomainException {
        public StateConflict(String detail) {
            super(detail);
        }

        @Override
        public int status() {
            return 409;
        }

        @Override
        public String title() {
            return "Conflict";
        }
    }

    /** Well-formed, but a business rule refuses it (422). */
    public static class RuleViolation extends DomainException {
        public RuleViolation(String detail) {
            super(detail);
        }

        @Override
        public int status() {
            return 422;
        }

        @Override
        public String title() {
            return "Unprocessable Content";
        }
    }

    /** The caller's region, agency or duties do not allow this (403), e.g. the verifier approving the reward. */
    public static class AccessDenied extends DomainException {
        public AccessDenied(String detail) {
            super(detail);
        }

        @Override
        public int status() {
            return 403;
        }

        @Override
        public String title() {
            return "Forbidden";
        }
    }

    /**
     * A field the request validation could not judge alone is invalid (400), e.g. an attachment whose content is not
     * an allowed type, or an ID number whose check digit is wrong; names the field as the caller wrote it.
     */
    public static class InvalidField extends DomainException {
        private final String field;
        private final String reason;

        public InvalidField(String field, String reason) {
            super(field + ": " + reason + ".");
            this.field = field;
            this.reason = reason;
        }

        @Override
        public int status() {
            return 400;
        }

        @Override
        public String title() {
            return "Bad Request";
        }

        @Override
        public java.util.List<Problem.FieldError> errors() {
            return java.util.List.of(new Problem.FieldError(field, reason));
        }
    }

    /** Several fields are invalid (400), each named with its reason; nothing was written. */
    public static class InvalidFields extends DomainException {
        private final java.util.List<Problem.FieldError> errors;

        public InvalidFields(String detail, java.util.List<Problem.FieldError> errors) {
            super(detail);
            this.errors = java.util.List.copyOf(errors);
        }

        /** "1 field is invalid." / "n fields are invalid." */
        public InvalidFields(java.util.List<Problem.FieldError> errors) {
            this(errors.size() == 1 ? "1 field is invalid." : errors.size() + " fields are invalid.", errors);
        }

        @Override
        public int status() {
            return 400;
        }

        @Override
        public String title() {
            return "Bad Request";
        }

        @Override
        public java.util.List<Problem.FieldError> errors() {
            return errors;
        }
    }
}

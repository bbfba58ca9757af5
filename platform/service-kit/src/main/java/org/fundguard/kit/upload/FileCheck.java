package org.fundguard.kit.upload;

import java.util.Optional;

/**
 * The verdict on one uploaded file: accepted with the type its content shows, or refused with the reason.
 *
 * @param type    the type found in the content, if any (present even when refused for a declaration mismatch)
 * @param reason  why it was refused; {@code null} when accepted
 * @param problem the reason in words, safe to return to the uploader; {@code null} when accepted
 */
record FileCheck(FileType type, Reason reason, String problem) {

    /** Why an attachment is refused. */
    public enum Reason {
        EMPTY, TOO_LARGE, TYPE_NOT_ALLOWED, DECLARED_TYPE_MISMATCH
    }

    static FileCheck accepted(FileType type) {
        return new FileCheck(type, null, null);
    }

    static FileCheck refused(FileType type, Reason reason, String problem) {
        return new FileCheck(type, reason, problem);
    }

    /** True when the attachment may be stored. */
    public boolean ok() {
        return reason == null;
    }

    /** The canonical media type to store and serve an accepted attachment with; {@code null} when refused. */
    public String mediaType() {
        return ok() ? type.mediaType() : null;
    }

    public Optional<FileType> detectedType() {
        return Optional.ofNullable(type);
    }
}

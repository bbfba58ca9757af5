package org.fundguard.kit.upload;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.fundguard.kit.problem.DomainException;
import org.fundguard.kit.problem.Problem;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Checks uploaded files before anything is stored: the type is decided by the content (magic bytes; PDF, JPEG, PNG,
 * MP4, MOV, MP3, WAV, DOCX, XLSX), never by the claimed name or {@code Content-Type}, and a file whose name or declared
 * type claims another type than its content is refused; empty files, too large files, too many files and too many
 * bytes in all are refused. Limits from {@code fundguard.upload.*} ({@link UploadConfig}) or given per use. A refusal
 * is a {@link DomainException} (400) naming the field ({@code evidence[1]}, or {@code evidence} for count and total).
 * This is type checking, not malware scanning.
 */
@ApplicationScoped
public class UploadChecker {

    /** Longest display name, in characters. */
    public static final int MAX_NAME_LENGTH = 200;

    /** A file as received: the name and media type the sender declared (either may be null), and the bytes. */
    public record Upload(String name, String declaredType, byte[] content) {
    }

    private final UploadLimits limits;

    @Inject
    public UploadChecker(UploadConfig config) {
        this(config.limits());
    }

    private UploadChecker(UploadLimits limits) {
        this.limits = Objects.requireNonNull(limits, "limits");
    }

    /** A checker with fixed limits, for plain unit tests and tools (no CDI). */
    public static UploadChecker of(UploadLimits limits) {
        return new UploadChecker(limits);
    }

    /** The configured limits, to derive a use's own from ({@code limits().withMaxFiles(3)}). */
    public UploadLimits limits() {
        return limits;
    }

    /** Checks {@code files} sent in {@code field} against the configured limits. */
    public List<CheckedFile> check(String field, List<Upload> files) {
        return check(field, files, limits, 0, 0);
    }

    /** The same with a use's own limits. */
    public List<CheckedFile> check(String field, List<Upload> files, UploadLimits limits) {
        return check(field, files, limits, 0, 0);
    }

    /**
     * Checks {@code files} added to an owner that already holds {@code existingFiles} files of {@code existingBytes}
     * bytes. Every file is checked, and every refusal named; nothing is accepted unless all are.
     *
     * @throws DomainException.InvalidField  for too many files or too many bytes in all (field {@code field})
     * @throws DomainException.InvalidFields for refused files ({@code field[i]} each)
     */
    public List<CheckedFile> check(String field, List<Upload> files, UploadLimits limits, long existingFiles, long existingBytes) {
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(limits, "limits");
        if (files == null || files.isEmpty()) {
            return List.of();
        }
        if (existingFiles + files.size() > limits.maxFiles()) {
            throw new DomainException.InvalidField(field, "at most " + limits.maxFiles() + " files are allowed"
                    + (existingFiles > 0 ? " in all (" + existingFiles + " already stored)" : ""));
        }
        List<Problem.FieldError> errors = new ArrayList<>();
        List<CheckedFile> out = new ArrayList<>();
        long total = existingBytes;
        for (int i = 0; i < files.size(); i++) {
            Upload f = files.get(i);
            String name = field + "[" + i + "]";
            byte[] content = f == null ? null : f.content();
            FileCheck result = FileTypes.check(f == null ? null : stripInvisible(f.name()), f == null ? null : f.declaredType(),
                    content, limits.maxFileBytes());
            if (!result.ok()) {
                errors.add(new Problem.FieldError(name, result.problem()));
                continue;
            }
            total += content.length;
            out.add(new CheckedFile(name, f.name(), safeName(f.name()), result.type(), content));
        }
        if (!errors.isEmpty()) {
            throw new DomainException.InvalidFields(errors);
        }
        if (total > limits.maxTotalBytes()) {
            throw new DomainException.InvalidField(field, "the files may total at most " + limits.maxTotalBytes() + " bytes");
        }
        return List.copyOf(out);
    }

    /** The allowed type the content shows, if any. */
    public static Optional<FileType> detect(byte[] content) {
        return FileTypes.detect(content);
    }

    /**
     * The name as inert text to show: the last path segment, control characters and bidirectional controls
     * (U+202A–U+202E, U+2066–U+2069, U+200E, U+200F, U+061C) and other invisible format characters removed, stripped,
     * at most {@link #MAX_NAME_LENGTH} characters (the stem cut, a short extension kept, never a character cut in two);
     * {@code "file"} when nothing is left.
     */
    public static String safeName(String name) {
        String n = name == null ? "" : name.replace('\\', '/');
        n = stripInvisible(n.substring(n.lastIndexOf('/') + 1)).strip();
        if (n.isEmpty() || n.equals(".") || n.equals("..")) {
            return "file";
        }
        if (n.codePointCount(0, n.length()) > MAX_NAME_LENGTH) {
            // keep a short extension, cut the stem
            int dot = n.lastIndexOf('.');
            String ext = dot > 0 && n.length() - dot <= 11 ? n.substring(dot) : "";
            String stem = n.substring(0, n.length() - ext.length());
            n = stem.substring(0, stem.offsetByCodePoints(0, MAX_NAME_LENGTH - ext.length())) + ext;
        }
        return n;
    }

    // Cc (controls) and Cf (format: bidi embeddings, overrides, isolates, marks, zero-width characters)
    private static String stripInvisible(String s) {
        if (s == null) {
            return null;
        }
        StringBuilder b = new StringBuilder(s.length());
        s.codePoints().filter(cp -> {
            int t = Character.getType(cp);
            return t != Character.CONTROL && t != Character.FORMAT && t != Character.UNASSIGNED
                    && t != Character.SURROGATE && cp != 0x2028 && cp != 0x2029;
        }).forEach(b::appendCodePoint);
        return b.toString();
    }

    /**
     * {@code attachment; filename="<ASCII fallback>"; filename*=UTF-8''<percent-encoded>} for a display name: the
     * fallback has non-ASCII characters, quotes and backslashes replaced by {@code _}.
     */
    public static String contentDisposition(String name) {
        String safe = safeName(name);
        StringBuilder ascii = new StringBuilder();
        safe.codePoints().forEach(cp -> ascii.append(cp >= 0x20 && cp < 0x7F && cp != '"' && cp != '\\' ? (char) cp : '_'));
        return "attachment; filename=\"" + ascii + "\"; filename*=UTF-8''" + CheckedFile.percentEncode(safe);
    }
}

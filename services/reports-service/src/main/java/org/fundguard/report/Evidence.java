package org.fundguard.report;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.fundguard.kit.problem.DomainException;
import org.fundguard.report.evidence.FileTypes;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;

/** Evidence files: checked by content and size before anything is stored, then stored with the report. */
@ApplicationScoped
public class Evidence {

    /** A file as received: the name and type the sender declared, and the bytes. */
    public record File(String name, String declaredType, byte[] content) {
    }

    private final ReportsConfig.Evidence limits;

    public Evidence(ReportsConfig config) {
        this.limits = config.evidence();
    }

    /**
     * Refuses the whole request (nothing stored) when a file is empty, too large, or not an allowed type by its
     * content, or when the report would exceed its file count or total size.
     */
    public List<String> checkAll(List<File> files, long existingCount, long existingBytes) {
        checkCount(files.size(), existingCount);
        long total = existingBytes;
        List<String> mediaTypes = new java.util.ArrayList<>();
        for (int i = 0; i < files.size(); i++) {
            File f = files.get(i);
            var result = FileTypes.check(f.name(), f.declaredType(), f.content(), limits.maxFileBytes());
            if (!result.ok()) {
                throw new DomainException.InvalidField("evidence[" + i + "]", result.problem());
            }
            mediaTypes.add(result.mediaType());
            total += f.content().length;
        }
        if (total > limits.maxReportBytes()) {
            throw new DomainException.InvalidField("evidence", "the evidence of one report may total at most " + limits.maxReportBytes() + " bytes");
        }
        return mediaTypes;
    }

    /** Refuses (400, naming {@code evidence}) more files than a report may hold, before any is read. */
    public void checkCount(long files, long existingCount) {
        if (existingCount + files > limits.maxFiles()) {
            throw new DomainException.InvalidField("evidence", "a report holds at most " + limits.maxFiles() + " evidence files"
                    + (existingCount > 0 ? " and already has " + existingCount : ""));
        }
    }

    /** Stores files that passed {@link #checkAll}, with the media types it found in their content. */
    Uni<Void> attach(UUID reportId, List<File> files, List<String> mediaTypes, String by) {
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (int i = 0; i < files.size(); i++) {
            File f = files.get(i);
            String mediaType = mediaTypes.get(i);
            chain = chain.chain(() -> {
                Attachment a = new Attachment();
                a.id = UUID.randomUUID();
                a.reportId = reportId;
                a.fileName = safeName(f.name());
                a.mediaType = mediaType;
                a.sizeBytes = f.content().length;
                a.sha256 = sha256(f.content());
                a.content = f.content();
                a.addedAt = OffsetDateTime.now(ZoneOffset.UTC);
                a.addedBy = by;
                return a.persist().replaceWithVoid();
            });
        }
        return chain;
    }

    /** How many files and bytes a report already holds. */
    Uni<long[]> totals(UUID reportId) {
        return Attachment.<Attachment>find("reportId", reportId).list()
                .map(list -> new long[]{list.size(), list.stream().mapToLong(a -> a.sizeBytes).sum()});
    }

    Uni<List<Attachment>> list(UUID reportId) {
        return Attachment.<Attachment>find("reportId = ?1 order by addedAt, id", reportId).list();
    }

    /**
     * The name as stored: path parts and NUL dropped, at most 200 characters; other control and format characters
     * (a right-to-left override, U+202E, that makes {@code invoice\u202Efdp.exe} read as {@code invoiceexe.pdf}) are
     * kept as received and only shown through {@link #displayName}.
     */
    static String safeName(String name) {
        String n = name == null ? "" : name.replace('\\', '/');
        n = n.substring(n.lastIndexOf('/') + 1).replace("\u0000", "").strip();
        if (n.isEmpty()) {
            n = "evidence";
        }
        if (n.length() <= 200) {
            return n;
        }
        // never cut a character in half
        return n.substring(0, Character.isHighSurrogate(n.charAt(199)) ? 199 : 200);
    }

    /**
     * A stored name as it may be shown or sent as a file name: every control, format (bidirectional overrides and
     * isolates, zero-width characters), line or paragraph separator, private-use or unassigned character written as
     * {@code [U+XXXX]}, so the name reads as what it is.
     */
    public static String displayName(String stored) {
        StringBuilder out = new StringBuilder(stored.length());
        stored.codePoints().forEach(cp -> {
            switch (Character.getType(cp)) {
                case Character.CONTROL, Character.FORMAT, Character.LINE_SEPARATOR, Character.PARAGRAPH_SEPARATOR,
                     Character.PRIVATE_USE, Character.SURROGATE, Character.UNASSIGNED ->
                        out.append(String.format("[U+%04X]", cp));
                default -> out.appendCodePoint(cp);
            }
        });
        return out.toString();
    }

    private static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

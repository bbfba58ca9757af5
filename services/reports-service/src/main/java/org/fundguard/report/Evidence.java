package org.fundguard.report;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.fundguard.kit.problem.DomainException;
import org.fundguard.kit.time.BusinessClock;
import org.fundguard.kit.upload.CheckedFile;
import org.fundguard.kit.upload.UploadChecker;

import java.util.List;
import java.util.UUID;

/**
 * Evidence files: checked by the kit's {@link UploadChecker} (type by content, size, count, total; limits
 * {@code fundguard.upload.*}) before anything is stored, then stored with the report.
 */
@ApplicationScoped
public class Evidence {

    /** The form field the files come in, named by every refusal ({@code evidence}, {@code evidence[1]}). */
    public static final String FIELD = "evidence";

    private final UploadChecker uploads;
    private final BusinessClock clock;

    public Evidence(UploadChecker uploads, BusinessClock clock) {
        this.uploads = uploads;
        this.clock = clock;
    }

    /**
     * Refuses the whole request (nothing stored) when a file is empty, too large, or not an allowed type by its
     * content, or when the report would exceed its file count or total size with the {@code existingCount} files of
     * {@code existingBytes} bytes it holds.
     */
    public List<CheckedFile> checkAll(List<UploadChecker.Upload> files, long existingCount, long existingBytes) {
        return uploads.check(FIELD, files, uploads.limits(), existingCount, existingBytes);
    }

    /** Refuses (400, naming {@code evidence}) more files than a report may hold, before any is read. */
    public void checkCount(long files) {
        int max = uploads.limits().maxFiles();
        if (files > max) {
            throw new DomainException.InvalidField(FIELD, "at most " + max + " files are allowed");
        }
    }

    /** Stores files that passed {@link #checkAll}, with the media types found in their content. */
    Uni<Void> attach(UUID reportId, List<CheckedFile> files, String by) {
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (CheckedFile f : files) {
            chain = chain.chain(() -> {
                Attachment a = new Attachment();
                a.id = UUID.randomUUID();
                a.reportId = reportId;
                a.fileName = storedName(f.originalName());
                a.mediaType = f.mediaType();
                a.sizeBytes = f.size();
                a.sha256 = f.sha256();
                a.content = f.content();
                a.addedAt = clock.now();
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
     * The name as stored: the name as received without its path (which may name the sender's account) and NUL (which
     * PostgreSQL text cannot hold), at most 200 characters. Control and format characters (a right-to-left override,
     * U+202E, that makes {@code invoice\u202Efdp.exe} read as {@code invoiceexe.pdf}) are kept as received; a name is
     * only ever shown through {@link UploadChecker#safeName}.
     */
    static String storedName(String name) {
        String n = name == null ? "" : name.replace('\\', '/');
        n = n.substring(n.lastIndexOf('/') + 1).replace("\u0000", "").strip();
        if (n.isEmpty()) {
            n = "file";
        }
        if (n.codePointCount(0, n.length()) <= UploadChecker.MAX_NAME_LENGTH) {
            return n;
        }
        // never cut a character in half
        return n.substring(0, n.offsetByCodePoints(0, UploadChecker.MAX_NAME_LENGTH));
    }
}

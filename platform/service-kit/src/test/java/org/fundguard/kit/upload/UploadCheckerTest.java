package org.fundguard.kit.upload;

import org.fundguard.kit.problem.DomainException;
import org.fundguard.kit.problem.Problem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class UploadCheckerTest {

    private static final byte[] PDF = "%PDF-1.7\n1 0 obj\n".getBytes(StandardCharsets.ISO_8859_1);
    private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D, 'I', 'H', 'D', 'R'};
    private static final byte[] EXE = {'M', 'Z', (byte) 0x90, 0x00, 0x03, 0x00, 0x00, 0x00};
    private static final UploadLimits LIMITS = new UploadLimits(64, 3, 100);
    private static final UploadChecker CHECKER = UploadChecker.of(LIMITS);

    private static UploadChecker.Upload upload(String name, String type, byte[] content) {
        return new UploadChecker.Upload(name, type, content);
    }

    static Stream<Arguments> refused() {
        return Stream.of(
                Arguments.of("a PDF renamed .exe", upload("invoice.exe", null, PDF), "the file name ends in .exe"),
                Arguments.of("an exe renamed .pdf", upload("invoice.pdf", "application/pdf", EXE), "content is not an allowed type"),
                Arguments.of("an exe declared as PDF without a name", upload(null, "application/pdf", EXE), "content is not an allowed type"),
                Arguments.of("a PDF declared as an image", upload("scan.pdf", "image/png", PDF), "but was declared image/png"),
                Arguments.of("a name whose U+202E hides .exe", upload("invoice\u202Efdp.exe", "application/pdf", PDF), "ends in .exe"),
                Arguments.of("an empty file", upload("empty.pdf", null, new byte[0]), "file is empty"),
                Arguments.of("too large", upload("big.pdf", null, padded(PDF, 65)), "more than the limit of 64"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refused")
    void refusesAFileByItsContentNamingTheField(String why, UploadChecker.Upload file, String reason) {
        assertThatThrownBy(() -> CHECKER.check("evidence", List.of(upload("ok.png", "image/png", PNG), file)))
                .isInstanceOfSatisfying(DomainException.class, e -> {
                    assertThat(e.status()).isEqualTo(400);
                    assertThat(e.errors()).extracting(Problem.FieldError::field).containsExactly("evidence[1]");
                    assertThat(e.errors().get(0).message()).contains(reason);
                });
    }

    @Test
    void acceptsFilesByContentWithTheirCanonicalTypeAndKeepsTheOriginalName() {
        List<CheckedFile> files = CHECKER.check("evidence", List.of(
                upload("C:\\Users\\li\\scan.PDF", "application/octet-stream", PDF),
                upload("photo", null, PNG)));

        assertThat(files).extracting(CheckedFile::type).containsExactly(FileType.PDF, FileType.PNG);
        assertThat(files).extracting(CheckedFile::mediaType).containsExactly("application/pdf", "image/png");
        assertThat(files).extracting(CheckedFile::field).containsExactly("evidence[0]", "evidence[1]");
        assertThat(files.get(0).originalName()).isEqualTo("C:\\Users\\li\\scan.PDF");
        assertThat(files.get(0).displayName()).isEqualTo("scan.PDF");
        assertThat(files.get(0).size()).isEqualTo(PDF.length);
        assertThat(files.get(0).sha256()).hasSize(64);
    }

    @Test
    void aNameWithBidirectionalOverridesIsStoredAsSentAndShownWithoutThem() {
        String name = "report\u202Egpj.pdf";
        CheckedFile file = CHECKER.check("evidence", List.of(upload(name, null, PDF))).get(0);

        assertThat(file.originalName()).isEqualTo(name);
        assertThat(file.displayName()).isEqualTo("reportgpj.pdf");
        assertThat(file.contentDisposition())
                .isEqualTo("attachment; filename=\"reportgpj.pdf\"; filename*=UTF-8''reportgpj.pdf")
                .doesNotContain("\u202E");
    }

    @Test
    void safeNameDropsControlAndBidiCharactersPathsAndBoundsTheLength() {
        for (char c : new char[]{'\u202A', '\u202B', '\u202C', '\u202D', '\u202E', '\u2066', '\u2067', '\u2068', '\u2069',
                '\u200E', '\u200F', '\u0000', '\n', '\r', '\u007F'}) {
            assertThat(UploadChecker.safeName("a" + c + "b.pdf")).as("U+%04X", (int) c).isEqualTo("ab.pdf");
        }
        assertThat(UploadChecker.safeName("../../etc/passwd")).isEqualTo("passwd");
        assertThat(UploadChecker.safeName("\u202E")).isEqualTo("file");
        assertThat(UploadChecker.safeName(null)).isEqualTo("file");
        assertThat(UploadChecker.safeName("举报材料.pdf")).isEqualTo("举报材料.pdf");
        String longName = String.join("", Collections.nCopies(250, "😀")) + ".pdf";
        String safe = UploadChecker.safeName(longName);
        assertThat(safe.codePointCount(0, safe.length())).isEqualTo(UploadChecker.MAX_NAME_LENGTH);
        assertThat(safe).endsWith("😀.pdf");
    }

    @Test
    void contentDispositionHasAnAsciiFallbackAndTheUtf8Name() {
        assertThat(UploadChecker.contentDisposition("举报 \"材料\".pdf"))
                .isEqualTo("attachment; filename=\"__ ____.pdf\"; filename*=UTF-8''%E4%B8%BE%E6%8A%A5%20%22%E6%9D%90%E6%96%99%22.pdf");
    }

    @Test
    void tooManyFilesAreRefusedBeforeAnyIsRead() {
        List<UploadChecker.Upload> four = Collections.nCopies(4, upload("a.png", null, PNG));

        assertThatThrownBy(() -> CHECKER.check("evidence", four))
                .isInstanceOfSatisfying(DomainException.InvalidField.class, e ->
                        assertThat(e.errors()).containsExactly(new Problem.FieldError("evidence", "at most 3 files are allowed")));
    }

    @Test
    void filesAlreadyStoredCountTowardsTheLimits() {
        List<UploadChecker.Upload> one = List.of(upload("a.png", null, PNG));

        assertThatThrownBy(() -> CHECKER.check("evidence", one, LIMITS, 3, 0))
                .hasMessageContaining("at most 3 files are allowed in all (3 already stored)");
        assertThatThrownBy(() -> CHECKER.check("evidence", one, LIMITS, 1, 90))
                .isInstanceOfSatisfying(DomainException.class, e ->
                        assertThat(e.errors()).extracting(Problem.FieldError::field).containsExactly("evidence"))
                .hasMessageContaining("at most 100 bytes");
    }

    @Test
    void aUseMayOverrideTheConfiguredLimits() {
        List<UploadChecker.Upload> big = List.of(upload("big.pdf", null, padded(PDF, 65)));

        assertThat(CHECKER.check("attachment", big, LIMITS.withMaxFileBytes(1000).withMaxTotalBytes(1000))).hasSize(1);
        assertThatThrownBy(() -> CHECKER.check("attachment", List.of(upload("a.png", null, PNG), upload("b.png", null, PNG)),
                LIMITS.withMaxFiles(1))).hasMessageContaining("at most 1 files");
    }

    @Test
    void everyRefusedFileIsNamed() {
        assertThatThrownBy(() -> CHECKER.check("evidence", List.of(upload("a.exe", null, EXE), upload("b.pdf", null, PDF),
                upload("c.pdf", null, EXE))))
                .isInstanceOfSatisfying(DomainException.InvalidFields.class, e ->
                        assertThat(e.errors()).extracting(Problem.FieldError::field).containsExactly("evidence[0]", "evidence[2]"));
    }

    @Test
    void limitsMustBePositive() {
        assertThatThrownBy(() -> new UploadLimits(0, 1, 1)).isInstanceOf(IllegalArgumentException.class);
    }

    private static byte[] padded(byte[] head, int length) {
        byte[] out = new byte[length];
        System.arraycopy(head, 0, out, 0, head.length);
        return out;
    }
}

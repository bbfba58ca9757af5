package org.fundguard.kit.upload;

import org.fundguard.kit.upload.FileCheck.Reason;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import static org.assertj.core.api.Assertions.assertThat;

class FileTypesTest {

    private static final long LIMIT = 1024;

    private static final byte[] PDF = ascii("%PDF-1.7\n%âãÏÓ\n1 0 obj\n");
    private static final byte[] JPEG = bytes(0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10, 'J', 'F', 'I', 'F', 0x00);
    private static final byte[] PNG = bytes(0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D, 'I', 'H', 'D', 'R');
    private static final byte[] MP4 = bytes(0, 0, 0, 0x18, 'f', 't', 'y', 'p', 'i', 's', 'o', 'm', 0, 0, 2, 0);
    private static final byte[] MOV = bytes(0, 0, 0, 0x14, 'f', 't', 'y', 'p', 'q', 't', ' ', ' ', 0, 0, 2, 0);
    private static final byte[] HEIC = bytes(0, 0, 0, 0x18, 'f', 't', 'y', 'p', 'h', 'e', 'i', 'c', 0, 0, 0, 0);
    private static final byte[] MP3_ID3 = bytes('I', 'D', '3', 0x04, 0x00, 0x00, 0, 0, 0, 0x0A);
    // MPEG-1 Layer III, 128 kbit/s, 44.1 kHz
    private static final byte[] MP3_FRAME = bytes(0xFF, 0xFB, 0x90, 0x64);
    // AAC ADTS also starts with 12 sync bits but has layer 00
    private static final byte[] AAC_ADTS = bytes(0xFF, 0xF1, 0x50, 0x80);
    private static final byte[] WAV = bytes('R', 'I', 'F', 'F', 0x24, 0, 0, 0, 'W', 'A', 'V', 'E', 'f', 'm', 't', ' ');
    private static final byte[] EXE = bytes('M', 'Z', 0x90, 0x00, 0x03, 0x00, 0x00, 0x00);
    private static final byte[] HTML = ascii("<!DOCTYPE html><html><script>alert(1)</script></html>");

    @Test
    void detectsEachAllowedTypeFromItsContent() {
        assertThat(FileTypes.detect(PDF)).contains(FileType.PDF);
        assertThat(FileTypes.detect(JPEG)).contains(FileType.JPEG);
        assertThat(FileTypes.detect(PNG)).contains(FileType.PNG);
        assertThat(FileTypes.detect(MP4)).contains(FileType.MP4);
        assertThat(FileTypes.detect(MOV)).contains(FileType.MOV);
        assertThat(FileTypes.detect(MP3_ID3)).contains(FileType.MP3);
        assertThat(FileTypes.detect(MP3_FRAME)).contains(FileType.MP3);
        assertThat(FileTypes.detect(WAV)).contains(FileType.WAV);
        assertThat(FileTypes.detect(docx())).contains(FileType.DOCX);
        assertThat(FileTypes.detect(xlsx())).contains(FileType.XLSX);
    }

    @Test
    void typesCarryTheirCanonicalMediaTypeAndExtension() {
        assertThat(FileType.JPEG.mediaType()).isEqualTo("image/jpeg");
        assertThat(FileType.JPEG.extension()).isEqualTo("jpg");
        assertThat(FileType.MOV.mediaType()).isEqualTo("video/quicktime");
        assertThat(FileType.DOCX.extension()).isEqualTo("docx");
    }

    @Test
    void detectsNothingForOtherContent() {
        assertThat(FileTypes.detect(EXE)).isEmpty();
        assertThat(FileTypes.detect(HTML)).isEmpty();
        assertThat(FileTypes.detect(HEIC)).isEmpty();
        assertThat(FileTypes.detect(AAC_ADTS)).isEmpty();
        assertThat(FileTypes.detect(new byte[0])).isEmpty();
        assertThat(FileTypes.detect(null)).isEmpty();
        assertThat(FileTypes.detect(ascii("%PD"))).isEmpty();
    }

    @Test
    void refusesZipsThatAreNotPlainOfficeDocuments() throws IOException {
        assertThat(FileTypes.detect(zip("readme.txt", "hello", "payload.exe", "MZ"))).isEmpty();
        // a macro-enabled document (.docm) renamed to .docx
        assertThat(FileTypes.detect(zip(
                "[Content_Types].xml", contentTypes(
                        "application/vnd.ms-word.document.macroEnabled.main+xml"),
                "word/document.xml", "<w:document/>",
                "word/vbaProject.bin", "macro"))).isEmpty();
        // only the head of a real document: the archive cannot be read to the end
        byte[] docx = docx();
        assertThat(FileTypes.detect(java.util.Arrays.copyOf(docx, 40))).isEmpty();
    }

    @Test
    void acceptsAMatchingDeclaration() {
        FileCheck check = FileTypes.check("现场照片.JPG", "image/jpeg", JPEG, LIMIT);

        assertThat(check.ok()).isTrue();
        assertThat(check.detectedType()).contains(FileType.JPEG);
        assertThat(check.problem()).isNull();
        assertThat(check.mediaType()).isEqualTo("image/jpeg");
    }

    @Test
    void acceptsLooseButCompatibleDeclarations() {
        assertThat(FileTypes.check("a.jpeg", "image/jpg", JPEG, LIMIT).ok()).isTrue();
        assertThat(FileTypes.check("a.pdf", "application/PDF; charset=binary", PDF, LIMIT).ok()).isTrue();
        assertThat(FileTypes.check("recording", "application/octet-stream", MP3_FRAME, LIMIT).ok()).isTrue();
        assertThat(FileTypes.check(null, null, WAV, LIMIT).ok()).isTrue();
        // phones label QuickTime and MP4 loosely; the container is the same
        assertThat(FileTypes.check("IMG_0001.MOV", "video/quicktime", MP4, LIMIT).ok()).isTrue();
    }

    @Test
    void refusesAnExecutableNamedPhotoJpg() {
        FileCheck check = FileTypes.check("photo.jpg", "image/jpeg", EXE, LIMIT);

        assertThat(check.ok()).isFalse();
        assertThat(check.reason()).isEqualTo(Reason.TYPE_NOT_ALLOWED);
        assertThat(check.problem()).isEqualTo("content is not an allowed type (declared image/jpeg)");
        assertThat(check.detectedType()).isEmpty();
    }

    @Test
    void refusesAnHtmlFileNamedReportPdf() {
        FileCheck check = FileTypes.check("report.pdf", "application/pdf", HTML, LIMIT);

        assertThat(check.reason()).isEqualTo(Reason.TYPE_NOT_ALLOWED);
        assertThat(check.problem()).isEqualTo("content is not an allowed type (declared application/pdf)");
    }

    @Test
    void refusesAPdfDeclaredAsJpeg() {
        FileCheck check = FileTypes.check("x.jpg", "image/jpeg", PDF, LIMIT);

        assertThat(check.reason()).isEqualTo(Reason.DECLARED_TYPE_MISMATCH);
        assertThat(check.detectedType()).contains(FileType.PDF);
        assertThat(check.problem()).isEqualTo("content is application/pdf but was declared image/jpeg");
    }

    @Test
    void refusesAPdfNamedJpgEvenWithoutADeclaredType() {
        FileCheck check = FileTypes.check("x.jpg", null, PDF, LIMIT);

        assertThat(check.reason()).isEqualTo(Reason.DECLARED_TYPE_MISMATCH);
        assertThat(check.problem()).isEqualTo("content is application/pdf but the file name ends in .jpg");
        assertThat(FileTypes.check("photo.jpg.exe", "image/jpeg", JPEG, LIMIT).reason())
                .isEqualTo(Reason.DECLARED_TYPE_MISMATCH);
    }

    @Test
    void refusesAnEmptyFile() {
        FileCheck check = FileTypes.check("empty.pdf", "application/pdf", new byte[0], LIMIT);

        assertThat(check.reason()).isEqualTo(Reason.EMPTY);
        assertThat(FileTypes.check("empty.pdf", "application/pdf", null, LIMIT).reason()).isEqualTo(Reason.EMPTY);
    }

    @Test
    void refusesAFileAboveTheSizeLimit() {
        byte[] big = new byte[1025];
        System.arraycopy(PDF, 0, big, 0, PDF.length);

        assertThat(FileTypes.check("big.pdf", "application/pdf", big, LIMIT).reason()).isEqualTo(Reason.TOO_LARGE);
        assertThat(FileTypes.check("big.pdf", "application/pdf", big, 1025).ok()).isTrue();
    }

    @Test
    void doesNotEchoADeclarationThatIsNotAMediaType() {
        FileCheck check = FileTypes.check("a.jpg", "image/jpeg\r\nX-Injected: 1", EXE, LIMIT);

        assertThat(check.problem()).isEqualTo("content is not an allowed type (declared unrecognised)");
    }

    private static byte[] docx() {
        return zip("[Content_Types].xml", contentTypes(
                        "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"),
                "_rels/.rels", "<Relationships/>",
                "word/document.xml", "<w:document/>");
    }

    private static byte[] xlsx() {
        return zip("[Content_Types].xml", contentTypes(
                        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"),
                "_rels/.rels", "<Relationships/>",
                "xl/workbook.xml", "<workbook/>");
    }

    private static String contentTypes(String mainPart) {
        return "<?xml version=\"1.0\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
                + "<Override PartName=\"/main\" ContentType=\"" + mainPart + "\"/></Types>";
    }

    private static byte[] zip(String... namesAndContents) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            try (ZipOutputStream zip = new ZipOutputStream(out)) {
                for (int i = 0; i < namesAndContents.length; i += 2) {
                    zip.putNextEntry(new ZipEntry(namesAndContents[i]));
                    zip.write(namesAndContents[i + 1].getBytes(StandardCharsets.UTF_8));
                    zip.closeEntry();
                }
            }
            return out.toByteArray();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }

    private static byte[] bytes(int... values) {
        byte[] result = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            result[i] = (byte) values[i];
        }
        return result;
    }
}

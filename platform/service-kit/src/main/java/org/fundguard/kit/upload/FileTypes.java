package org.fundguard.kit.upload;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * Decides what an uploaded file is from its content (magic bytes), never from its name or declared type, and
 * refuses anything that is not an allowed type or that claims to be something it is not. This is type checking,
 * not malware scanning.
 */
final class FileTypes {

    private static final byte[] PDF = ascii("%PDF-");
    private static final byte[] JPEG = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF};
    private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A};
    private static final byte[] FTYP = ascii("ftyp");
    private static final byte[] RIFF = ascii("RIFF");
    private static final byte[] WAVE = ascii("WAVE");
    private static final byte[] ID3 = ascii("ID3");
    private static final byte[] ZIP = {'P', 'K', 0x03, 0x04};

    // ISO base media brands of ordinary MP4 video; HEIC photos (heic, mif1), M4A audio and 3GP also carry 'ftyp'
    // and are not accepted
    private static final Set<String> MP4_BRANDS = Set.of(
            "isom", "iso2", "iso3", "iso4", "iso5", "iso6", "mp41", "mp42", "avc1", "M4V ", "mmp4", "MSNV", "dash");
    private static final String QUICKTIME_BRAND = "qt  ";

    private static final String CONTENT_TYPES_ENTRY = "[Content_Types].xml";
    private static final String DOCX_MAIN = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml";
    private static final String XLSX_MAIN = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml";
    // bounds on the work a hostile archive (a zip bomb) can cause while its entries are listed
    private static final int MAX_ZIP_ENTRIES = 10_000;
    private static final long MAX_INFLATED_BYTES = 64L * 1024 * 1024;
    private static final int MAX_CONTENT_TYPES_BYTES = 1024 * 1024;

    private static final Pattern MEDIA_TYPE = Pattern.compile("[a-z0-9][a-z0-9.+-]*/[a-z0-9][a-z0-9.+-]*");
    private static final Pattern EXTENSION = Pattern.compile("[a-z0-9]{1,10}");
    private static final Set<String> UNDECLARED = Set.of("application/octet-stream", "binary/octet-stream");

    private FileTypes() {
    }

    /**
     * The allowed type the content starts with, if any. The first 16 bytes decide every type except DOCX and XLSX,
     * which are recognised only when the whole file is passed (the archive's entries are listed).
     */
    public static Optional<FileType> detect(byte[] content) {
        if (content == null || content.length == 0) {
            return Optional.empty();
        }
        if (startsWith(content, 0, PDF)) {
            return Optional.of(FileType.PDF);
        }
        if (startsWith(content, 0, JPEG)) {
            return Optional.of(FileType.JPEG);
        }
        if (startsWith(content, 0, PNG)) {
            return Optional.of(FileType.PNG);
        }
        if (startsWith(content, 4, FTYP) && content.length >= 12) {
            String brand = new String(content, 8, 4, StandardCharsets.ISO_8859_1);
            if (QUICKTIME_BRAND.equals(brand)) {
                return Optional.of(FileType.MOV);
            }
            return MP4_BRANDS.contains(brand) ? Optional.of(FileType.MP4) : Optional.empty();
        }
        if (startsWith(content, 0, RIFF) && startsWith(content, 8, WAVE)) {
            return Optional.of(FileType.WAV);
        }
        if (startsWith(content, 0, ID3) || isMpegAudioFrame(content)) {
            return Optional.of(FileType.MP3);
        }
        if (startsWith(content, 0, ZIP)) {
            return office(content);
        }
        return Optional.empty();
    }

    /**
     * Checks an uploaded attachment. Refused when empty, larger than {@code maxBytes}, not an allowed type by its
     * content, or when the declared media type or the name's extension names another type than the content (an
     * absent or {@code application/octet-stream} declaration and a name without extension are not disagreements).
     * The size is checked on the bytes given; the upload itself must be bounded before they are read.
     */
    public static FileCheck check(String declaredName, String declaredContentType, byte[] content, long maxBytes) {
        if (maxBytes <= 0) {
            throw new IllegalArgumentException("maxBytes must be positive");
        }
        if (content == null || content.length == 0) {
            return FileCheck.refused(null, FileCheck.Reason.EMPTY, "file is empty");
        }
        if (content.length > maxBytes) {
            return FileCheck.refused(null, FileCheck.Reason.TOO_LARGE,
                    "file has " + content.length + " bytes, more than the limit of " + maxBytes);
        }
        String declaredType = mediaType(declaredContentType);
        Optional<FileType> detected = detect(content);
        if (detected.isEmpty()) {
            return FileCheck.refused(null, FileCheck.Reason.TYPE_NOT_ALLOWED,
                    "content is not an allowed type (declared " + describe(declaredType) + ")");
        }
        FileType type = detected.get();
        if (declaredType != null && !UNDECLARED.contains(declaredType) && !declares(type, declaredType)) {
            return FileCheck.refused(type, FileCheck.Reason.DECLARED_TYPE_MISMATCH,
                    "content is " + type.mediaType() + " but was declared " + describe(declaredType));
        }
        String extension = extension(declaredName);
        if (extension != null && !namedBy(type, extension)) {
            return FileCheck.refused(type, FileCheck.Reason.DECLARED_TYPE_MISMATCH,
                    "content is " + type.mediaType() + " but the file name ends in "
                            + (EXTENSION.matcher(extension).matches() ? "." + extension : "another extension"));
        }
        return FileCheck.accepted(type);
    }

    private static boolean declares(FileType detected, String declaredType) {
        for (FileType candidate : FileType.values()) {
            if (candidate.hasMediaType(declaredType) && detected.sameFamily(candidate)) {
                return true;
            }
        }
        return false;
    }

    private static boolean namedBy(FileType detected, String extension) {
        for (FileType candidate : FileType.values()) {
            if (candidate.hasExtension(extension) && detected.sameFamily(candidate)) {
                return true;
            }
        }
        return false;
    }

    // MPEG audio frame header: 11 sync bits, then a version other than 'reserved' (01) and a layer other than
    // 'reserved' (00, which is also how AAC ADTS streams start) and a bitrate index other than 'bad' (1111)
    private static boolean isMpegAudioFrame(byte[] b) {
        if (b.length < 3 || (b[0] & 0xFF) != 0xFF || (b[1] & 0xE0) != 0xE0) {
            return false;
        }
        int version = (b[1] >> 3) & 0x03;
        int layer = (b[1] >> 1) & 0x03;
        int bitrate = (b[2] >> 4) & 0x0F;
        return version != 0x01 && layer != 0x00 && bitrate != 0x0F;
    }

    // An OOXML package is a zip with [Content_Types].xml naming the main part; macro-enabled variants are refused
    private static Optional<FileType> office(byte[] content) {
        boolean word = false;
        boolean excel = false;
        boolean macros = false;
        String contentTypes = null;
        long inflated = 0;
        int entries = 0;
        byte[] buffer = new byte[8192];
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(content), StandardCharsets.UTF_8)) {
            for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                if (++entries > MAX_ZIP_ENTRIES) {
                    return Optional.empty();
                }
                String name = entry.getName();
                word |= name.startsWith("word/");
                excel |= name.startsWith("xl/");
                macros |= name.toLowerCase(Locale.ROOT).endsWith("vbaproject.bin");
                boolean keep = CONTENT_TYPES_ENTRY.equals(name);
                if (keep && contentTypes != null) {
                    return Optional.empty(); // two manifests: which one would Office believe?
                }
                ByteArrayOutputStream kept = new ByteArrayOutputStream();
                for (int n = zip.read(buffer); n > 0; n = zip.read(buffer)) {
                    inflated += n;
                    if (inflated > MAX_INFLATED_BYTES) {
                        return Optional.empty();
                    }
                    if (keep) {
                        if (kept.size() + n > MAX_CONTENT_TYPES_BYTES) {
                            return Optional.empty();
                        }
                        kept.write(buffer, 0, n);
                    }
                }
                if (keep) {
                    contentTypes = kept.toString(StandardCharsets.UTF_8);
                }
            }
        } catch (IOException | IllegalArgumentException e) {
            // truncated, encrypted or malformed archive, or a head that is not the whole file
            return Optional.empty();
        }
        if (contentTypes == null || macros || contentTypes.toLowerCase(Locale.ROOT).contains("macroenabled")) {
            return Optional.empty();
        }
        if (word && !excel && contentTypes.contains(DOCX_MAIN)) {
            return Optional.of(FileType.DOCX);
        }
        if (excel && !word && contentTypes.contains(XLSX_MAIN)) {
            return Optional.of(FileType.XLSX);
        }
        return Optional.empty();
    }

    /** The declared media type, lowercase without parameters; null when none was declared. */
    private static String mediaType(String declared) {
        if (declared == null) {
            return null;
        }
        int semicolon = declared.indexOf(';');
        String type = (semicolon >= 0 ? declared.substring(0, semicolon) : declared).strip().toLowerCase(Locale.ROOT);
        return type.isEmpty() ? null : type;
    }

    // the declaration comes from the uploader; only echo it when it looks like a media type
    private static String describe(String declaredType) {
        if (declaredType == null) {
            return "none";
        }
        return MEDIA_TYPE.matcher(declaredType).matches() && declaredType.length() <= 100 ? declaredType : "unrecognised";
    }

    /** The extension of the last path segment, lowercase; null when there is none. */
    private static String extension(String name) {
        if (name == null) {
            return null;
        }
        String file = name.strip();
        file = file.substring(Math.max(file.lastIndexOf('/'), file.lastIndexOf('\\')) + 1);
        int dot = file.lastIndexOf('.');
        if (dot < 0 || dot == file.length() - 1) {
            return null;
        }
        return file.substring(dot + 1).toLowerCase(Locale.ROOT);
    }

    private static boolean startsWith(byte[] content, int offset, byte[] magic) {
        if (content.length < offset + magic.length) {
            return false;
        }
        for (int i = 0; i < magic.length; i++) {
            if (content[offset + i] != magic[i]) {
                return false;
            }
        }
        return true;
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }
}

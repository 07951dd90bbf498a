package org.zoomcompliance.ingest;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.zoomcompliance.ingest.normalise.Sanitiser;

/**
 * File names as the file system holds them: bytes, which need not be UTF-8 and which the JVM cannot turn into a
 * {@code String} and back under every locale (under {@code LANG=C} it maps every non-ASCII byte to {@code ?}).
 * Files are therefore handled as {@link Path}s from their listing on; a name becomes text only in two forms: a
 * lossless one that finds the file again ({@link #parameter}, a {@code file:} URI whose other bytes are
 * percent-encoded), and one for people ({@link #display}) that is never turned back into a path.
 */
public final class FileNames {

    private FileNames() {
    }

    /** The lossless text form of a file's absolute path, for a job parameter: {@link #fromParameter} reverses it. */
    public static String parameter(Path file) {
        return file.toAbsolutePath().toUri().toString();
    }

    /** The file a {@link #parameter} names; a plain path (as older runs recorded it) is taken as it is. */
    public static Path fromParameter(String parameter) {
        return parameter.startsWith("file:") ? Path.of(URI.create(parameter)) : Path.of(parameter);
    }

    /**
     * A file's name for people, logs and tables: its bytes read as UTF-8, with each byte that is not UTF-8, each
     * control character and each backslash escaped ({@code \x{E9}}, {@code \x{0A}}, {@code \\}), so it stays on
     * one line and never runs digits of an escape into digits of the name; and every address in it masked.
     */
    public static String display(Path file) {
        return Sanitiser.fileName(escaped(rawBytes(lastSegment(file))));
    }

    /** A file's absolute path for people, escaped and masked as {@link #display} does a name. */
    public static String displayPath(Path file) {
        return Sanitiser.fileName(unmaskedDisplayPath(file));
    }

    /** A file's absolute path escaped as {@link #displayPath}, addresses left as they are: for comparison only. */
    static String unmaskedDisplayPath(Path file) {
        return escaped(rawBytes(rawPath(file)));
    }

    /** The path in {@code folder} named {@code prefix}, then the bytes of {@code file}'s name, then {@code suffix}. */
    static Path named(Path folder, String prefix, Path file, String suffix) {
        String folderUri = folder.toAbsolutePath().toUri().toString();
        return Path.of(URI.create(folderUri + (folderUri.endsWith("/") ? "" : "/") + encoded(prefix)
                + lastSegment(file) + encoded(suffix)));
    }

    /** The absolute path as the URI writes it: ASCII, with every other byte percent-encoded. */
    private static String rawPath(Path file) {
        String path = file.toAbsolutePath().toUri().getRawPath();
        // a folder's URI ends with a slash
        return path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    }

    private static String lastSegment(Path file) {
        String path = rawPath(file);
        return path.substring(path.lastIndexOf('/') + 1);
    }

    private static byte[] rawBytes(String percentEncoded) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(percentEncoded.length());
        for (int i = 0; i < percentEncoded.length(); i++) {
            char c = percentEncoded.charAt(i);
            if (c == '%' && i + 2 < percentEncoded.length()) {
                bytes.write(Integer.parseInt(percentEncoded, i + 1, i + 3, 16));
                i += 2;
            } else {
                bytes.write(c);
            }
        }
        return bytes.toByteArray();
    }

    private static String encoded(String text) {
        StringBuilder encoded = new StringBuilder();
        for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xFF;
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || "-._~".indexOf(c) >= 0) {
                encoded.append((char) c);
            } else {
                encoded.append('%').append(String.format("%02X", c));
            }
        }
        return encoded.toString();
    }

    private static String escaped(byte[] name) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(name);
        CharBuffer out = CharBuffer.allocate(name.length);
        StringBuilder text = new StringBuilder(name.length);
        while (true) {
            CoderResult result = decoder.decode(in, out, true);
            out.flip();
            appendEscaped(text, out);
            out.clear();
            if (result.isError()) {
                for (int i = 0; i < result.length(); i++) {
                    text.append(String.format("\\x{%02X}", in.get() & 0xFF));
                }
            } else if (result.isUnderflow()) {
                return text.toString();
            }
        }
    }

    private static void appendEscaped(StringBuilder text, CharSequence decoded) {
        for (int i = 0; i < decoded.length(); i++) {
            char c = decoded.charAt(i);
            if (c == '\\') {
                text.append("\\\\");
            } else if (Character.isISOControl(c) || c == '\u2028' || c == '\u2029') {
                text.append(String.format("\\x{%02X}", (int) c));
            } else {
                text.append(c);
            }
        }
    }
}

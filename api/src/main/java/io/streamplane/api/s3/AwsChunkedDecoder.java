package io.streamplane.api.s3;

import io.streamplane.api.protocol.SigV4Verifier;
import io.streamplane.api.protocol.SigV4Verifier.SignedRequest;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Decodes an {@code aws-chunked} body (S3's streaming uploads): {@code size;chunk-signature=...}
 * lines with the bytes they announce, a final empty chunk, then optional trailing headers. When
 * the upload is signed, every chunk signature is checked against the one before it, starting from
 * the request's own signature, so no chunk can be changed, dropped or reordered on the way.
 */
final class AwsChunkedDecoder {
    private static final String EMPTY_SHA256 = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";
    private static final int MAX_LINE = 4096;
    /** S3 takes a few trailing headers (a checksum, its signature); more is no upload. */
    private static final int MAX_TRAILERS = 16;
    private static final int COPY_BUFFER = 64 * 1024;

    private final Optional<SignedRequest> signing;
    private String previousSignature;

    /** @param signing the verified request whose chunks are signed, or empty for unsigned chunks */
    AwsChunkedDecoder(Optional<SignedRequest> signing) {
        this.signing = signing;
        this.previousSignature = signing.map(SignedRequest::signature).orElse(null);
    }

    /** Copies the decoded payload to {@code out} and returns the trailing headers, names in lower case. */
    Map<String, String> decode(InputStream in, OutputStream out) throws IOException {
        while (true) {
            String header = readLine(in);
            int semicolon = header.indexOf(';');
            String sizeText = (semicolon < 0 ? header : header.substring(0, semicolon)).strip();
            long size;
            try {
                size = Long.parseLong(sizeText, 16);
            } catch (NumberFormatException e) {
                throw malformed("a chunk size in hex, got '" + abbreviate(sizeText) + "'");
            }
            if (size < 0) {
                throw malformed("a chunk size of zero or more");
            }
            // Straight on to the spool while hashed, never whole in memory: a chunk may announce any size.
            String dataHash = copyChunk(in, size, out);
            checkChunkSignature(semicolon < 0 ? "" : header.substring(semicolon + 1), dataHash);
            if (size == 0) {
                return readTrailers(in);
            }
            if (!readLine(in).isEmpty()) {
                throw malformed("CRLF after the chunk data");
            }
        }
    }

    /** Copies {@code size} bytes of chunk data to {@code out} and returns their SHA-256 in hex. */
    private static String copyChunk(InputStream in, long size, OutputStream out) throws IOException {
        var digest = SigV4Verifier.sha256();
        byte[] buffer = new byte[COPY_BUFFER];
        long left = size;
        while (left > 0) {
            int read = in.read(buffer, 0, (int) Math.min(buffer.length, left));
            if (read < 0) {
                throw malformed(size + " bytes of chunk data, but the body ended");
            }
            digest.update(buffer, 0, read);
            out.write(buffer, 0, read);
            left -= read;
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    private void checkChunkSignature(String extensions, String dataHash) {
        if (signing.isEmpty()) {
            return;
        }
        String prefix = "chunk-signature=";
        if (!extensions.startsWith(prefix)) {
            throw new S3Exception(403, "SignatureDoesNotMatch", "A chunk of a signed streaming upload has no "
                    + "chunk-signature");
        }
        var request = signing.get();
        String expected = request.sign("AWS4-HMAC-SHA256-PAYLOAD\n" + request.amzDate() + "\n" + request.scope()
                + "\n" + previousSignature + "\n" + EMPTY_SHA256 + "\n" + dataHash);
        String provided = extensions.substring(prefix.length()).strip().toLowerCase();
        if (!MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII),
                provided.getBytes(StandardCharsets.US_ASCII))) {
            throw new S3Exception(403, "SignatureDoesNotMatch", "The chunk signature we calculated does not match "
                    + "the one provided");
        }
        previousSignature = provided;
    }

    private Map<String, String> readTrailers(InputStream in) throws IOException {
        var trailers = new LinkedHashMap<String, String>();
        var signedPart = new StringBuilder();
        for (int lines = 0; ; lines++) {
            String line = readLine(in);
            if (line.isEmpty()) {
                break;
            }
            if (lines >= MAX_TRAILERS) {
                throw malformed("at most " + MAX_TRAILERS + " trailing headers");
            }
            int colon = line.indexOf(':');
            if (colon <= 0) {
                throw malformed("a trailing header 'name:value', got '" + abbreviate(line) + "'");
            }
            String name = line.substring(0, colon).strip().toLowerCase();
            String value = line.substring(colon + 1).strip();
            if (name.equals("x-amz-trailer-signature")) {
                checkTrailerSignature(signedPart.toString(), value);
            } else {
                trailers.put(name, value);
                signedPart.append(name).append(':').append(value).append('\n');
            }
        }
        return trailers;
    }

    private void checkTrailerSignature(String trailerHeaders, String provided) {
        if (signing.isEmpty()) {
            return;
        }
        var request = signing.get();
        String expected = request.sign("AWS4-HMAC-SHA256-TRAILER\n" + request.amzDate() + "\n" + request.scope()
                + "\n" + previousSignature + "\n"
                + SigV4Verifier.sha256Hex(trailerHeaders.getBytes(StandardCharsets.UTF_8)));
        if (!MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII),
                provided.toLowerCase().getBytes(StandardCharsets.US_ASCII))) {
            throw new S3Exception(403, "SignatureDoesNotMatch", "The trailer signature we calculated does not "
                    + "match the one provided");
        }
    }

    /** A line up to CRLF (or LF), without it; the end of the body counts as the end of a line. */
    private static String readLine(InputStream in) throws IOException {
        var line = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) != -1 && b != '\n') {
            if (line.size() >= MAX_LINE) {
                throw malformed("lines of at most " + MAX_LINE + " bytes");
            }
            line.write(b);
        }
        String text = line.toString(StandardCharsets.US_ASCII);
        return text.endsWith("\r") ? text.substring(0, text.length() - 1) : text;
    }

    private static String abbreviate(String text) {
        return text.length() > 40 ? text.substring(0, 40) + "..." : text;
    }

    private static S3Exception malformed(String expectation) {
        return new S3Exception(400, "IncompleteBody", "The aws-chunked body is malformed: expected " + expectation);
    }
}

package io.streamplane.api.s3;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Objects here are private to the server's access keys, as in S3 with Block Public Access on: a
 * grant to everyone (a public canned ACL, an {@code x-amz-grant-*} header, or an ACL document that
 * names AWS's global groups) would otherwise reach the embedded store, whose own port on loopback
 * would then serve the object to any local user without a signature. Such requests get S3's
 * {@code AccessDenied}, as S3 answers them when public access is blocked.
 */
final class PublicAccessBlock {
    private static final Set<String> PRIVATE_CANNED_ACLS = Set.of("private", "bucket-owner-read",
            "bucket-owner-full-control");
    private static final String GLOBAL_GROUPS = "acs.amazonaws.com/groups/global/";
    /** An ACL document is small; beyond this it is not one worth reading. */
    private static final int LARGEST_ACL_DOCUMENT = 64 * 1024;

    private PublicAccessBlock() {
    }

    static void checkHeaders(Map<String, List<String>> headers) {
        headers.forEach((name, values) -> {
            String lower = name.toLowerCase(Locale.ROOT);
            if (lower.startsWith("x-amz-grant-")) {
                throw refused("Grants in " + name + " are not accepted here: objects stay private to this server's "
                        + "access keys");
            }
            if (lower.equals("x-amz-acl") && values.stream().anyMatch(v -> !PRIVATE_CANNED_ACLS.contains(v.trim()))) {
                throw refused("The canned ACL " + values + " is not accepted here: public access is blocked, and only "
                        + PRIVATE_CANNED_ACLS + " are");
            }
        });
    }

    /** Reads the ACL document of a {@code PUT ?acl}, refusing grants to AWS's global groups. */
    static void checkAclDocument(String method, String rawQuery, long length, Supplier<InputStream> body) {
        if (!method.equals("PUT") || !namesAcl(rawQuery) || length == 0) {
            return;
        }
        if (length > LARGEST_ACL_DOCUMENT) {
            throw new S3Exception(400, "MalformedACLError", "The ACL document is larger than "
                    + LARGEST_ACL_DOCUMENT + " bytes");
        }
        try (InputStream in = body.get()) {
            String document = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            if (document.contains(GLOBAL_GROUPS)) {
                throw refused("Grants to AWS's global groups (AllUsers, AuthenticatedUsers) are not accepted here: "
                        + "public access is blocked");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean namesAcl(String rawQuery) {
        if (rawQuery == null) {
            return false;
        }
        for (String pair : rawQuery.split("&")) {
            if (pair.equals("acl") || pair.startsWith("acl=")) {
                return true;
            }
        }
        return false;
    }

    private static S3Exception refused(String message) {
        return new S3Exception(403, "AccessDenied", message);
    }
}

package io.streamplane.objectstore;

import io.streamplane.core.objects.S3Endpoint;
import org.gaul.s3proxy.AuthenticationType;
import org.gaul.s3proxy.S3Proxy;
import org.gaul.s3proxy.nio2blob.FilesystemNio2BlobApiMetadata;
import org.jclouds.ContextBuilder;
import org.jclouds.blobstore.BlobStoreContext;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Properties;

/**
 * The embedded S3: s3proxy serving its NIO.2 file-system blob store (a bucket a directory, an
 * object a file, metadata in extended attributes; directories are not listed as objects, as in
 * S3), on a loopback port of its own. It accepts only requests signed with a key made for this process, so
 * nothing on the machine reaches the objects except through the server, which checks the
 * client's signature and forwards the request signed anew.
 */
public final class EmbeddedS3 implements AutoCloseable {
    private static final String ACCESS_KEY_ID = "streamplane-embedded-s3";
    private final S3Proxy proxy;
    private final BlobStoreContext context;
    private final S3Endpoint endpoint;

    private EmbeddedS3(S3Proxy proxy, BlobStoreContext context, S3Endpoint endpoint) {
        this.proxy = proxy;
        this.context = context;
        this.endpoint = endpoint;
    }

    /** Starts the store on the objects under {@code directory}, signing scoped to {@code region}. */
    public static EmbeddedS3 start(Path directory, String region) {
        try {
            Files.createDirectories(directory);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create the object store directory " + directory, e);
        }
        var overrides = new Properties();
        // jclouds is given the file-system API itself rather than looking it up by name, which would
        // load every blob store provider s3proxy registers, most of them left out of this build.
        overrides.setProperty("jclouds.filesystem.basedir", directory.toAbsolutePath().toString());
        String secret = randomSecret();
        BlobStoreContext context = ContextBuilder.newBuilder(new FilesystemNio2BlobApiMetadata())
                .credentials(ACCESS_KEY_ID, secret)
                .overrides(overrides)
                .buildView(BlobStoreContext.class);
        S3Proxy proxy = S3Proxy.builder()
                .blobStore(context.getBlobStore())
                .endpoint(URI.create("http://127.0.0.1:0"))
                .awsAuthentication(AuthenticationType.AWS_V4, ACCESS_KEY_ID, secret)
                .build();
        try {
            proxy.start();
        } catch (Exception e) {
            context.close();
            throw new IllegalStateException("Cannot start the embedded S3: " + e.getMessage(), e);
        }
        var endpoint = new S3Endpoint(URI.create("http://127.0.0.1:" + proxy.getPort()), region, ACCESS_KEY_ID,
                secret);
        return new EmbeddedS3(proxy, context, endpoint);
    }

    public S3Endpoint endpoint() {
        return endpoint;
    }

    private static String randomSecret() {
        byte[] bytes = new byte[24];
        new SecureRandom().nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    @Override
    public void close() {
        try {
            proxy.stop();
        } catch (Exception e) {
            throw new IllegalStateException("Cannot stop the embedded S3", e);
        } finally {
            context.close();
        }
    }
}

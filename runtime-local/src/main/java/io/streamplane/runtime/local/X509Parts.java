package io.streamplane.runtime.local;

import io.streamplane.core.error.InvalidRequest;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;

/** The X.509 building blocks both certificate authorities of this runtime use: keys, certificates, PEM. */
final class X509Parts {
    private static final SecureRandom RANDOM = new SecureRandom();

    private X509Parts() {
    }

    /** A key pair for one of Private CA's key algorithms (RSA_2048..., EC_prime256v1...). */
    static KeyPair newKeyPair(String keyAlgorithm) throws GeneralSecurityException {
        KeyPairGenerator generator;
        switch (keyAlgorithm) {
            case "RSA_2048", "RSA_3072", "RSA_4096" -> {
                generator = KeyPairGenerator.getInstance("RSA");
                generator.initialize(Integer.parseInt(keyAlgorithm.substring(4)));
            }
            case "EC_prime256v1", "EC_secp384r1", "EC_secp521r1" -> {
                generator = KeyPairGenerator.getInstance("EC");
                String curve = keyAlgorithm.substring(3);
                generator.initialize(new ECGenParameterSpec(curve.equals("prime256v1") ? "secp256r1" : curve));
            }
            default -> throw new InvalidRequest("CertificateAuthorityConfiguration.KeyAlgorithm",
                    "Key algorithm " + keyAlgorithm + " is not supported; use RSA_2048, RSA_3072, RSA_4096, "
                            + "EC_prime256v1, EC_secp384r1 or EC_secp521r1");
        }
        return generator.generateKeyPair();
    }

    static X509v3CertificateBuilder builder(X500Name issuer, X500Name subject, PublicKey key, Duration validity) {
        Instant now = Instant.now();
        // Backdated a little, so a client whose clock runs slightly behind still accepts the certificate.
        return new JcaX509v3CertificateBuilder(issuer, new BigInteger(127, RANDOM),
                Date.from(now.minus(Duration.ofHours(1))), Date.from(now.plus(validity)), subject, key);
    }

    static ContentSigner signer(PrivateKey key, String jcaAlgorithm) throws OperatorCreationException {
        return new JcaContentSignerBuilder(jcaAlgorithm).build(key);
    }

    static String privateKeyPem(PrivateKey key) throws IOException {
        return pem(new JcaPKCS8Generator(key, null).generate());
    }

    static PrivateKey readPrivateKey(String pem) throws IOException {
        try (var parser = new PEMParser(new StringReader(pem))) {
            Object read = parser.readObject();
            var converter = new JcaPEMKeyConverter();
            if (read instanceof PrivateKeyInfo info) {
                return converter.getPrivateKey(info);
            }
            if (read instanceof PEMKeyPair pair) {
                return converter.getKeyPair(pair).getPrivate();
            }
            throw new IOException("No private key in the PEM text");
        }
    }

    static X509CertificateHolder readCertificate(String pem) throws IOException {
        try (var parser = new PEMParser(new StringReader(pem))) {
            if (parser.readObject() instanceof X509CertificateHolder holder) {
                return holder;
            }
            throw new IOException("No certificate in the PEM text");
        }
    }

    static String pem(Object object) {
        var out = new StringWriter();
        try (var writer = new JcaPEMWriter(out)) {
            writer.writeObject(object);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }
}

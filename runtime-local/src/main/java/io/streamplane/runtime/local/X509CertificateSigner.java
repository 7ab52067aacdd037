package io.streamplane.runtime.local;

import io.streamplane.core.error.InvalidRequest;
import io.streamplane.core.pki.CertificateSigner;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentVerifierProviderBuilder;
import org.bouncycastle.pkcs.PKCS10CertificationRequest;
import org.bouncycastle.pkcs.PKCSException;
import org.bouncycastle.pkcs.jcajce.JcaPKCS10CertificationRequestBuilder;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.time.Duration;
import java.util.Map;

/** Private CA's authorities and certificates, made with BouncyCastle. */
public final class X509CertificateSigner implements CertificateSigner {
    private static final Map<String, String> SIGNATURES = Map.of(
            "SHA256WITHRSA", "SHA256withRSA", "SHA384WITHRSA", "SHA384withRSA", "SHA512WITHRSA", "SHA512withRSA",
            "SHA256WITHECDSA", "SHA256withECDSA", "SHA384WITHECDSA", "SHA384withECDSA",
            "SHA512WITHECDSA", "SHA512withECDSA");

    @Override
    public NewAuthority createRootAuthority(String subject, String keyAlgorithm, String signingAlgorithm,
                                            Duration validity) {
        try {
            String jca = jcaSignature(signingAlgorithm);
            KeyPair pair = X509Parts.newKeyPair(keyAlgorithm);
            requireFits(pair.getPrivate(), signingAlgorithm);
            var name = new X500Name(subject);
            var certificate = X509Parts.builder(name, name, pair.getPublic(), validity)
                    .addExtension(Extension.basicConstraints, true, new BasicConstraints(0))
                    .addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign))
                    .addExtension(Extension.subjectKeyIdentifier, false,
                            new JcaX509ExtensionUtils().createSubjectKeyIdentifier(pair.getPublic()))
                    .build(X509Parts.signer(pair.getPrivate(), jca));
            return new NewAuthority(X509Parts.privateKeyPem(pair.getPrivate()), X509Parts.pem(certificate),
                    certificate.getSerialNumber().toString(16), certificate.getNotBefore().toInstant(),
                    certificate.getNotAfter().toInstant());
        } catch (GeneralSecurityException | OperatorCreationException | IOException e) {
            throw new IllegalStateException("Cannot create a certificate authority", e);
        } catch (IllegalArgumentException e) {
            throw new InvalidRequest("CertificateAuthorityConfiguration.Subject", "The subject is not a valid "
                    + "distinguished name: " + e.getMessage());
        }
    }

    @Override
    public String sign(String caPrivateKeyPem, String caCertificatePem, String signingAlgorithm, byte[] csr,
                       Duration validity) {
        var request = request(csr);
        try {
            var ca = X509Parts.readCertificate(caCertificatePem);
            var caKey = X509Parts.readPrivateKey(caPrivateKeyPem);
            requireFits(caKey, signingAlgorithm);
            var utils = new JcaX509ExtensionUtils();
            var publicKey = new JcaX509CertificateConverter().getCertificate(ca)
                    .getPublicKey();
            var subjectKey = new JcaPEMKeyConverter().getPublicKey(request.getSubjectPublicKeyInfo());
            X509CertificateHolder certificate = X509Parts.builder(ca.getSubject(), request.getSubject(), subjectKey,
                            validity)
                    .addExtension(Extension.basicConstraints, true, new BasicConstraints(false))
                    .addExtension(Extension.keyUsage, true,
                            new KeyUsage(KeyUsage.digitalSignature | KeyUsage.keyEncipherment))
                    .addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(
                            new KeyPurposeId[] {KeyPurposeId.id_kp_clientAuth, KeyPurposeId.id_kp_serverAuth}))
                    .addExtension(Extension.authorityKeyIdentifier, false,
                            utils.createAuthorityKeyIdentifier(publicKey))
                    .build(X509Parts.signer(caKey, jcaSignature(signingAlgorithm)));
            return X509Parts.pem(certificate);
        } catch (GeneralSecurityException | OperatorCreationException | IOException e) {
            throw new IllegalStateException("Cannot sign the certificate request", e);
        }
    }

    @Override
    public String authorityCsr(String caPrivateKeyPem, String caCertificatePem, String signingAlgorithm) {
        try {
            var ca = new JcaX509CertificateConverter().getCertificate(X509Parts.readCertificate(caCertificatePem));
            var key = X509Parts.readPrivateKey(caPrivateKeyPem);
            var request = new JcaPKCS10CertificationRequestBuilder(ca.getSubjectX500Principal(), ca.getPublicKey())
                    .build(X509Parts.signer(key, jcaSignature(signingAlgorithm)));
            return X509Parts.pem(request);
        } catch (GeneralSecurityException | OperatorCreationException | IOException e) {
            throw new IllegalStateException("Cannot make the authority's certificate request", e);
        }
    }

    /** The request, PEM or DER, checked against its own signature. */
    private static PKCS10CertificationRequest request(byte[] csr) {
        try {
            PKCS10CertificationRequest request;
            String text = new String(csr, StandardCharsets.US_ASCII);
            if (text.contains("-----BEGIN")) {
                try (var parser = new PEMParser(new StringReader(text))) {
                    if (!(parser.readObject() instanceof PKCS10CertificationRequest parsed)) {
                        throw new InvalidRequest("Csr", "The CSR is not a PKCS#10 certificate request");
                    }
                    request = parsed;
                }
            } else {
                request = new PKCS10CertificationRequest(csr);
            }
            // The key converted first: the JDK finds no key factory by the raw algorithm identifier.
            var publicKey = new JcaPEMKeyConverter().getPublicKey(request.getSubjectPublicKeyInfo());
            if (!request.isSignatureValid(new JcaContentVerifierProviderBuilder().build(publicKey))) {
                throw new InvalidRequest("Csr", "The CSR's signature does not match its public key");
            }
            return request;
        } catch (IOException | OperatorCreationException | PKCSException | RuntimeException e) {
            if (e instanceof InvalidRequest invalid) {
                throw invalid;
            }
            throw new InvalidRequest("Csr", "The CSR is malformed: " + e.getMessage());
        }
    }

    /** RSA keys sign with ...WITHRSA, EC keys with ...WITHECDSA. */
    private static void requireFits(PrivateKey key, String signingAlgorithm) {
        boolean rsa = key.getAlgorithm().equals("RSA");
        if (rsa != signingAlgorithm.endsWith("WITHRSA")) {
            throw new InvalidRequest("SigningAlgorithm", "Signing algorithm " + signingAlgorithm + " does not fit the "
                    + "authority's " + (rsa ? "RSA" : "EC") + " key");
        }
    }

    private static String jcaSignature(String signingAlgorithm) {
        String jca = SIGNATURES.get(signingAlgorithm);
        if (jca == null) {
            throw new InvalidRequest("SigningAlgorithm", "Signing algorithm " + signingAlgorithm
                    + " is not supported; use one of " + SIGNATURES.keySet().stream().sorted().toList());
        }
        return jca;
    }
}

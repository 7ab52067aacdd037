package io.streamplane.core.pki;

import java.util.Optional;

/**
 * What an authority was created with beyond its key and subject.
 *
 * @param usageMode                  GENERAL_PURPOSE, or SHORT_LIVED_CERTIFICATE: certificates of 7 days at most
 * @param keyStorageSecurityStandard recorded only: the key is kept in the server's database, not in an HSM
 * @param revocationConfiguration    recorded as written, every mechanism off: there is no CRL or OCSP here
 */
public record AuthorityOptions(String usageMode, String keyStorageSecurityStandard,
                               Optional<String> revocationConfiguration) {
    public static final String GENERAL_PURPOSE = "GENERAL_PURPOSE";
    public static final String SHORT_LIVED_CERTIFICATE = "SHORT_LIVED_CERTIFICATE";
    /** Private CA's own default. */
    public static final String FIPS_LEVEL_3 = "FIPS_140_2_LEVEL_3_OR_HIGHER";
    public static final AuthorityOptions DEFAULT = new AuthorityOptions(GENERAL_PURPOSE, FIPS_LEVEL_3, Optional.empty());

    public AuthorityOptions withRevocationConfiguration(Optional<String> configuration) {
        return new AuthorityOptions(usageMode, keyStorageSecurityStandard, configuration);
    }
}

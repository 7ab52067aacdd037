package io.streamplane.core.secrets;

/** A secret associated with a cluster, and the SASL/SCRAM user it made there. */
public record ScramAssociation(String secretArn, String username) {
}

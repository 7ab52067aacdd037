package io.streamplane.core.secrets;

/** A SASL/SCRAM user and password, as an AmazonMSK_ secret holds them. */
public record ScramCredential(String username, String password) {
    @Override
    public String toString() {
        return "ScramCredential[" + username + ", password withheld]";
    }
}

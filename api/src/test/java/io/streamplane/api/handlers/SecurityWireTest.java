package io.streamplane.api.handlers;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.streamplane.core.secrets.ScramCredential;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SecurityWireTest {
    private final JsonScramSecretFormat format = new JsonScramSecretFormat();

    @Test
    void scramSecrets_needAJsonObjectWithAUsernameAndAPassword() {
        assertThat(format.parse("{\"username\":\"alice\",\"password\":\"p@ss, \\\"quoted\\\"\"}"))
                .contains(new ScramCredential("alice", "p@ss, \"quoted\""));
        assertThat(format.parse("alice:secret")).isEmpty();
        assertThat(format.parse("[\"alice\",\"secret\"]")).isEmpty();
        assertThat(format.parse("{\"username\":\"alice\"}")).isEmpty();
        assertThat(format.parse("{\"username\":\" \",\"password\":\"p\"}")).isEmpty();
        assertThat(format.parse("{\"username\":\"alice\",\"password\":42}")).isEmpty();
    }

    @Test
    void privateCaSubjects_becomeDistinguishedNames_andBack() throws Exception {
        var subject = new ObjectMapper().readTree(
                "{\"CommonName\":\"Payments, EU\",\"Organization\":\"Example\",\"Country\":\"DE\"}");

        String name = PrivateCaHandlers.distinguishedName(subject, "Subject");

        assertThat(name).isEqualTo("CN=Payments\\, EU,O=Example,C=DE");
        assertThat(PrivateCaHandlers.subject(name)).isEqualTo(subject);

        var every = new ObjectMapper().readTree("{\"CommonName\":\"ca\",\"SerialNumber\":\"42\",\"Title\":\"Dr\","
                + "\"Surname\":\"Doe\",\"GivenName\":\"Jo\",\"Initials\":\"JD\",\"Pseudonym\":\"jd\","
                + "\"GenerationQualifier\":\"III\",\"DistinguishedNameQualifier\":\"q1\",\"OrganizationalUnit\":\"Ops\","
                + "\"Organization\":\"Example\",\"Locality\":\"Berlin\",\"State\":\"BE\",\"Country\":\"DE\"}");
        assertThat(PrivateCaHandlers.subject(PrivateCaHandlers.distinguishedName(every, "Subject"))).isEqualTo(every);
    }
}

package io.eventfold.issuer;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class TokenCommandTest {

    @TempDir
    Path home;

    @Test
    void prints_one_token_and_nothing_else() throws Exception {
        var run = run("--role", "reader", "--org", "acme", "--ttl", "30m", "--home", home.toString());

        assertThat(run.code).isZero();
        assertThat(run.out.strip()).matches("[\\w-]+\\.[\\w-]+\\.[\\w-]+");
        var jwt = LocalIssuerTest.decoder(home.resolve("jwt/public-key.pem")).decode(run.out.strip());
        assertThat(jwt.getSubject()).isEqualTo("local-reader");
        assertThat(jwt.getClaimAsStringList("orgs")).containsExactly("acme");
        assertThat(run.err).isEmpty();
    }

    @Test
    void refuses_unknown_roles_organizers_without_an_organization_and_odd_durations() {
        var role = run("--role", "admin", "--home", home.toString());
        var org = run("--role", "organizer", "--home", home.toString());
        var ttl = run("--role", "attendee", "--ttl", "soon", "--home", home.toString());
        var negative = run("--role", "attendee", "--ttl", "-5m", "--home", home.toString());

        assertThat(role.code).isEqualTo(2);
        assertThat(role.err).contains("--role must be one of organizer, attendee, reader, operator");
        assertThat(org.code).isEqualTo(2);
        assertThat(org.err).contains("--org ORG");
        assertThat(ttl.err).contains("--ttl must be like");
        assertThat(negative.code).isEqualTo(2);
        assertThat(role.out + org.out + ttl.out + negative.out).isEmpty();
    }

    @Test
    void reads_durations_in_short_and_iso_forms() {
        var command = new TokenCommand();
        command.spec = new CommandLine(command).getCommandSpec();

        assertThat(command.duration("90s")).hasSeconds(90);
        assertThat(command.duration("8h")).hasHours(8);
        assertThat(command.duration("7d")).hasDays(7);
        assertThat(command.duration("PT15M")).hasMinutes(15);
    }

    private record Run(int code, String out, String err) {
    }

    private static Run run(String... args) {
        var out = new StringWriter();
        var err = new StringWriter();
        var line = new CommandLine(new TokenCommand());
        line.setOut(new PrintWriter(out));
        line.setErr(new PrintWriter(err));
        int code = line.execute(args);
        return new Run(code, out.toString(), err.toString());
    }
}

package io.eventfold.issuer;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code ./eventfold token}: prints one bearer token signed by the home's {@link LocalIssuer}, nothing else. */
@Command(name = "token", mixinStandardHelpOptions = true,
        description = "Prints a bearer token for the services of this EventFold home.")
public final class TokenCommand implements Callable<Integer> {

    @Option(names = "--role", required = true,
            description = "organizer, attendee, reader, operator or privacy_officer")
    String role;

    @Option(names = "--org", description = "An organization the organizer or reader acts for (repeatable)")
    List<String> organizations = new ArrayList<>();

    @Option(names = "--user", description = "The token's subject (default: local-<role>)")
    String user;

    @Option(names = "--ttl", defaultValue = "1h", description = "How long it is valid: 90s, 30m, 8h, 7d or PT1H")
    String ttl;

    @Option(names = "--home", description = "The EventFold home (default: $EVENTFOLD_HOME)")
    Path home;

    @Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(new CommandLine(new TokenCommand()).execute(args));
    }

    @Override
    public Integer call() {
        if (!LocalIssuer.ROLES.contains(role)) {
            throw refuse("--role must be one of " + String.join(", ", LocalIssuer.ROLES) + ", not '" + role + "'");
        }
        if ((role.equals("organizer") || role.equals("reader")) && organizations.isEmpty()) {
            throw refuse("an " + role + " acts for at least one organization: add --org ORG");
        }
        var folder = home != null ? home : homeFromEnvironment();
        var subject = user != null ? user : "local-" + role;
        spec.commandLine().getOut().println(LocalIssuer.open(folder).token(subject, role, organizations,
                duration(ttl)));
        spec.commandLine().getOut().flush();
        return 0;
    }

    private Path homeFromEnvironment() {
        var value = System.getenv("EVENTFOLD_HOME");
        if (value == null || value.isBlank()) {
            throw refuse("say which home signs the token: --home DIR or EVENTFOLD_HOME");
        }
        return Path.of(value);
    }

    Duration duration(String text) {
        var value = text.trim().toLowerCase(Locale.ROOT);
        try {
            if (value.startsWith("p")) {
                return positive(Duration.parse(value.toUpperCase(Locale.ROOT)));
            }
            long amount = Long.parseLong(value.substring(0, value.length() - 1));
            return positive(switch (value.charAt(value.length() - 1)) {
                case 's' -> Duration.ofSeconds(amount);
                case 'm' -> Duration.ofMinutes(amount);
                case 'h' -> Duration.ofHours(amount);
                case 'd' -> Duration.ofDays(amount);
                default -> throw new NumberFormatException();
            });
        } catch (RuntimeException e) {
            throw refuse("--ttl must be like 90s, 30m, 8h, 7d or PT1H, not '" + text + "'");
        }
    }

    private Duration positive(Duration duration) {
        if (duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException();
        }
        return duration;
    }

    private CommandLine.ParameterException refuse(String message) {
        return new CommandLine.ParameterException(spec.commandLine(), message);
    }
}

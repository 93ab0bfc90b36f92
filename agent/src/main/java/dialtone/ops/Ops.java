package dialtone.ops;

import java.io.PrintStream;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.logging.LogManager;

/**
 * {@code dialtone-ops}, the operations team's command-line tool: lists the devices' retained
 * states, sends a command and prints its response, makes a command-signing key. Results go to
 * standard output, each problem as one line on standard error; the exit code says which.
 */
public final class Ops {
    static final int OK = 0;
    /** The device refused the command or failed it (4xx, 5xx). */
    static final int FAILED = 1;
    /** The command line, a file it names or the login cannot be used. */
    static final int USAGE = 2;
    /** No answer in time, or the broker cannot be reached. */
    static final int UNREACHABLE = 3;

    private final PrintStream out;
    private final PrintStream err;
    private final Clock clock;

    Ops(PrintStream out, PrintStream err, Clock clock) {
        this.out = out;
        this.err = err;
        this.clock = clock;
    }

    public static void main(String[] argv) {
        LogManager.getLogManager().reset(); // Paho logs through java.util.logging: only our lines on the terminal
        System.exit(new Ops(System.out, System.err, Clock.systemUTC()).run(List.of(argv), System.getenv()));
    }

    /** Runs one action; returns the exit code. */
    int run(List<String> argv, Map<String, String> env) {
        try {
            OpsArgs args = OpsArgs.parse(argv, env);
            return switch (args.action()) {
                case OpsArgs.Help help -> {
                    out.print(OpsArgs.USAGE);
                    yield OK;
                }
                case OpsArgs.Keygen keygen -> keygen(keygen.dir());
                case OpsArgs.Devices devices -> devices(args.connection(), devices);
                case OpsArgs.Send send -> send(args.connection(), send);
            };
        } catch (OpsArgs.UsageException e) {
            err.println("dialtone-ops: " + e.getMessage() + " (dialtone-ops --help shows the usage)");
            return USAGE;
        } catch (OpsFailure e) {
            err.println("dialtone-ops: " + e.getMessage());
            return e.exitCode;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            err.println("dialtone-ops: interrupted");
            return UNREACHABLE;
        }
    }

    private int keygen(Path dir) {
        List<Path> written = SigningKeys.generate(dir);
        out.println("wrote " + written.get(0) + " (the signing key for --sign-key: keep it secret)");
        out.println("wrote " + written.get(1) + " (for mqtt.command.key on the boxes)");
        return OK;
    }

    private int devices(OpsArgs.Connection connection, OpsArgs.Devices devices) throws InterruptedException {
        Map<String, Map<String, Object>> states;
        try (BrokerSession broker = BrokerSession.connect(connection)) {
            states = broker.states(devices.collect());
        }
        DeviceTable table = new DeviceTable(states);
        out.print(devices.json() ? table.json() + "\n" : table.text());
        return OK;
    }

    private int send(OpsArgs.Connection connection, OpsArgs.Send send) throws InterruptedException {
        PrivateKey key = send.signKey() == null ? null : SigningKeys.read(send.signKey());
        CommandRequest request = CommandRequest.of(send, "ops-" + UUID.randomUUID(), clock.instant(), key);
        BrokerSession.Answer answer;
        try (BrokerSession broker = BrokerSession.connect(connection)) {
            answer = broker.call(send.device(), request, send.timeout());
        }
        Map<String, Object> response = answer.response()
                .orElseThrow(() -> new OpsFailure(UNREACHABLE, noAnswer(send, request, answer.state())));
        out.println(OpsJson.pretty(response));
        int code = response.get("code") instanceof Number n ? n.intValue() : 0;
        if (code >= 200 && code < 300) {
            return OK;
        }
        err.println("dialtone-ops: " + send.device() + " answered " + code + ": " + response.get("msg"));
        return FAILED;
    }

    /** Why no response came, in words: a device the broker never heard of, or one that may still run it later. */
    static String noAnswer(OpsArgs.Send send, CommandRequest request, Optional<Map<String, Object>> state) {
        String silence = "no answer from " + send.device() + " within " + OpsCommandLine.show(send.timeout());
        if (state.isEmpty()) {
            return "unknown device " + send.device() + ": no retained state on the broker and " + silence;
        }
        String now = Boolean.FALSE.equals(state.get().get("online"))
                ? "it is offline"
                        + (state.get().get("why") == null
                                ? ""
                                : " (" + state.get().get("why") + ")")
                : "its state says online";
        return silence + "; " + now + ". The command (id " + request.id() + ") may still run if the device gets it "
                + "before it expires at " + request.expires();
    }
}

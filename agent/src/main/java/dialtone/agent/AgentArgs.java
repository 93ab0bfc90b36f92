package dialtone.agent;

import dialtone.agent.config.Defaults;
import java.nio.file.Path;

/**
 * The command line of {@code dialtone-agent.jar}, as DESIGN.md fixes it.
 *
 * @param configExplicit whether {@code --config} was given (then the file must exist)
 * @param httpPort the web UI's port, or -1 for the default of the mode
 * @param httpsPort the web UI's HTTPS port, or -1 for plain HTTP only
 */
public record AgentArgs(
        boolean sim,
        Path configFile,
        boolean configExplicit,
        Path dataDir,
        int httpPort,
        int httpsPort,
        boolean help,
        boolean version) {

    public static final String USAGE = """
            Usage: java -jar dialtone-agent.jar [--sim] [--config FILE] [--data-dir DIR] [--http-port N] [--https-port N]

              --sim            run on the simulated site (a laptop demo; never on a box)
              --config FILE    bootstrap configuration (default /etc/dialtone/agent.conf)
              --data-dir DIR   state: database and keys (default /var/lib/dialtone; ./dialtone-data with --sim)
              --http-port N    web UI's HTTP port: on a box 80, which only redirects to HTTPS;
                               with --sim 8080, plain HTTP on 127.0.0.1
              --https-port N   web UI's HTTPS port with the device's own certificate (made in the data
                               dir): on a box 443, answering on the LAN and loopback only; with --sim
                               none unless given (the --http-port then only redirects)
              --help, --version

            Exit codes: 0 or 143 (SIGTERM) stopped normally; 2 refused to start, the message says why; 1 crashed;
            3 restart wanted (after the front panel's reset to provisioning defaults).
            """;

    /** A command line we cannot use; the message says why. */
    public static final class UsageException extends RuntimeException {
        UsageException(String message) {
            super(message);
        }
    }

    public static AgentArgs parse(String... args) {
        boolean sim = false;
        boolean help = false;
        boolean version = false;
        Path config = null;
        Path dataDir = null;
        int port = -1;
        int httpsPort = -1;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--sim" -> sim = true;
                case "--help", "-h" -> help = true;
                case "--version" -> version = true;
                case "--config" -> config = path(args, ++i, "--config");
                case "--data-dir" -> dataDir = path(args, ++i, "--data-dir");
                case "--http-port" -> port = port(args, ++i, "--http-port");
                case "--https-port" -> httpsPort = port(args, ++i, "--https-port");
                default -> throw new UsageException("unknown option " + args[i]);
            }
        }
        Path defaultDataDir = sim ? Defaults.SIM_DATA_DIR : Defaults.DATA_DIR;
        return new AgentArgs(
                sim,
                config == null ? Defaults.CONFIG_FILE : config,
                config != null,
                dataDir == null ? defaultDataDir : dataDir,
                port,
                httpsPort,
                help,
                version);
    }

    private static String value(String[] args, int i, String option) {
        if (i >= args.length || args[i].startsWith("--")) {
            throw new UsageException(option + " needs a value");
        }
        return args[i];
    }

    private static Path path(String[] args, int i, String option) {
        try {
            return Path.of(value(args, i, option));
        } catch (java.nio.file.InvalidPathException e) {
            throw new UsageException(option + ": not a valid path");
        }
    }

    private static int port(String[] args, int i, String option) {
        String text = value(args, i, option);
        try {
            int port = Integer.parseInt(text);
            if (port >= 1 && port <= 65535) {
                return port;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new UsageException(option + " must be a port number from 1 to 65535, not " + text);
    }
}

package dev.agentanalytics.config;

/** Invalid configuration: the message names the key and what is allowed. The job does not start. */
public class ConfigException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public ConfigException(String message) {
        super(message);
    }
}

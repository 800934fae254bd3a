package dev.agentanalytics.testing;

import dev.agentanalytics.output.AlertRow;

/** Rows for the tests of sinks, which need a row of a table and not what the engine would compute. */
public final class SampleRows {
    private SampleRows() {}

    /** An {@code AGENT_STALE} alert with the id given, of one agent at one instant. */
    public static AlertRow staleAlert(String alertId) {
        AlertRow alert = new AlertRow();
        alert.alertId = alertId;
        alert.alertType = "AGENT_STALE";
        alert.agentArn = "arn:aws:connect:us-east-1:111122223333:instance/i/agent/one";
        alert.detectedAt = "2024-05-06T08:14:46.734Z";
        return alert;
    }
}

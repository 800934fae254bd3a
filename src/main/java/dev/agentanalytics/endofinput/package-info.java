/**
 * The end of a bounded input, in one place: a replay of files, a bounded simulation, or a live job stopped with
 * {@code --drain} ends as if time stopped at the largest valid {@code EventTimestamp} of its whole input
 * (docs/analytics.md §3.6). Four steps, in the order records meet them:
 *
 * <ol>
 *   <li>{@link dev.agentanalytics.endofinput.InputEndTracker}, chained to each source subtask, sees the largest
 *       event time of its input and, when the input ends, sends an {@link
 *       dev.agentanalytics.endofinput.EndOfInputReport} to every engine subtask (a broadcast) and the final
 *       watermark downstream.
 *   <li>The agent engine keeps the reports with {@link dev.agentanalytics.endofinput.EndOfInput}. Once every
 *       source subtask has reported, {@link dev.agentanalytics.endofinput.EndOfInput#time} is the end of time.
 *   <li>The engine finishes each agent at that instant when its final timer fires (the watermark is final), or,
 *       when the last report comes after the final watermark (a drained live job with idle sources), for every
 *       agent at once when that report arrives ({@code AgentEngineFunction}). In BATCH mode the reports come
 *       first: Flink reads the broadcast side before the keyed one.
 *   <li>Queue windows left open are written when the queue operator finishes ({@code QueueMetricsOperator}): in
 *       a streaming run the engine's last shares can follow its final watermark, so that watermark cannot close
 *       them, and removed from state as they are written: a job that fails after its final checkpoint restarts
 *       from it and finishes again. In BATCH mode each queue's windows are written at the end of its sorted input.
 * </ol>
 */
package dev.agentanalytics.endofinput;

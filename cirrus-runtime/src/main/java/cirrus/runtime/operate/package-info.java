/**
 * The operator's read model of a pipeline, local or deployed: payload state items with their
 * executions, per-workflow counts by state, an execution's history as a timeline, Batch job status
 * and log tails, the log lines of one execution, and the rerun action. {@link
 * cirrus.runtime.operate.PipelineOperations} is the port; {@link
 * cirrus.runtime.operate.StoreOperations} implements it over the small sources an adapter module
 * provides ({@link cirrus.runtime.operate.StateKeys}, {@link
 * cirrus.runtime.operate.ExecutionSource}, {@link cirrus.runtime.operate.BatchJobSource}, {@link
 * cirrus.runtime.operate.LogSource}, {@link cirrus.runtime.operate.Resubmitter}) plus the {@link
 * cirrus.runtime.port.StateStore}.
 */
package cirrus.runtime.operate;

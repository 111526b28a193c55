package cirrus.project;

/** A component deployed as an AWS Lambda function: a function, a feeder or a task. */
public sealed interface LambdaComponent extends Component permits Function, Feeder, Task {
    /** The Lambda part: whether it is enabled, and its fully computed configuration. */
    LambdaConfig lambda();
}

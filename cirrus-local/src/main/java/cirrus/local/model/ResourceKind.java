package cirrus.local.model;

import java.util.Optional;

/**
 * What the local engine knows about each CloudFormation resource type: the property that names a
 * resource, and what {@code Ref} and {@code Fn::GetAtt} return for it (the same shapes as on AWS,
 * with {@link LocalNames} ARNs). Types not listed here are {@link #OTHER}: {@code Ref} is the
 * resource's name ({@code <stack>-<LogicalId>}) and {@code Fn::GetAtt X.Attr} is {@code
 * <name>.<Attr>}, enough for values the local engine never uses (VPCs, subnets, roles' ids...).
 */
public enum ResourceKind {
    BUCKET("AWS::S3::Bucket", "BucketName") {
        @Override
        Object ref(LocalNames n, String name) {
            return name;
        }

        @Override
        Optional<Object> attribute(LocalNames n, String name, String attribute) {
            return switch (attribute) {
                case "Arn" -> Optional.of("arn:aws:s3:::" + name);
                case "DomainName" -> Optional.of(name + ".s3." + LocalNames.URL_SUFFIX);
                case "RegionalDomainName" ->
                        Optional.of(name + ".s3." + n.region() + "." + LocalNames.URL_SUFFIX);
                case "WebsiteURL" ->
                        Optional.of(
                                "http://"
                                        + name
                                        + ".s3-website-"
                                        + n.region()
                                        + "."
                                        + LocalNames.URL_SUFFIX);
                default -> Optional.empty();
            };
        }
    },
    QUEUE("AWS::SQS::Queue", "QueueName") {
        @Override
        Object ref(LocalNames n, String name) {
            return n.queueUrl(name);
        }

        @Override
        Optional<Object> attribute(LocalNames n, String name, String attribute) {
            return switch (attribute) {
                case "Arn" -> Optional.of(n.queueArn(name));
                case "QueueName" -> Optional.of(name);
                case "QueueUrl" -> Optional.of(n.queueUrl(name));
                default -> Optional.empty();
            };
        }
    },
    TOPIC("AWS::SNS::Topic", "TopicName") {
        @Override
        Object ref(LocalNames n, String name) {
            return n.topicArn(name);
        }

        @Override
        Optional<Object> attribute(LocalNames n, String name, String attribute) {
            return switch (attribute) {
                case "TopicArn" -> Optional.of(n.topicArn(name));
                case "TopicName" -> Optional.of(name);
                default -> Optional.empty();
            };
        }
    },
    TABLE("AWS::DynamoDB::Table", "TableName") {
        @Override
        Optional<Object> attribute(LocalNames n, String name, String attribute) {
            return switch (attribute) {
                case "Arn" -> Optional.of(n.tableArn(name));
                case "StreamArn" -> Optional.of(n.tableArn(name) + "/stream/local");
                default -> Optional.empty();
            };
        }
    },
    JOB_QUEUE("AWS::Batch::JobQueue", "JobQueueName") {
        @Override
        Object ref(LocalNames n, String name) {
            return n.jobQueueArn(name);
        }

        @Override
        Optional<Object> attribute(LocalNames n, String name, String attribute) {
            return attribute.equals("JobQueueArn")
                    ? Optional.of(n.jobQueueArn(name))
                    : Optional.empty();
        }
    },
    COMPUTE_ENVIRONMENT("AWS::Batch::ComputeEnvironment", "ComputeEnvironmentName") {
        @Override
        Object ref(LocalNames n, String name) {
            return n.computeEnvironmentArn(name);
        }

        @Override
        Optional<Object> attribute(LocalNames n, String name, String attribute) {
            return attribute.equals("ComputeEnvironmentArn")
                    ? Optional.of(n.computeEnvironmentArn(name))
                    : Optional.empty();
        }
    },
    /**
     * {@code Ref} is the ARN without revision (AWS returns {@code <name>:<revision>}), which Batch
     * resolves to the latest active revision: locally a changed job definition gets a new revision
     * without the state machines being redeployed.
     */
    JOB_DEFINITION("AWS::Batch::JobDefinition", "JobDefinitionName") {
        @Override
        Object ref(LocalNames n, String name) {
            return n.jobDefinitionArn(name);
        }
    },
    ROLE("AWS::IAM::Role", "RoleName") {
        @Override
        Optional<Object> attribute(LocalNames n, String name, String attribute) {
            return switch (attribute) {
                case "Arn" ->
                        Optional.of("arn:aws:iam::" + LocalNames.ACCOUNT_ID + ":role/" + name);
                case "RoleId" -> Optional.of("AROA" + name);
                default -> Optional.empty();
            };
        }
    },
    INSTANCE_PROFILE("AWS::IAM::InstanceProfile", "InstanceProfileName") {
        @Override
        Optional<Object> attribute(LocalNames n, String name, String attribute) {
            return attribute.equals("Arn")
                    ? Optional.of(
                            "arn:aws:iam::" + LocalNames.ACCOUNT_ID + ":instance-profile/" + name)
                    : Optional.empty();
        }
    },
    TIMESTREAM_DATABASE("AWS::Timestream::Database", "DatabaseName") {
        @Override
        Optional<Object> attribute(LocalNames n, String name, String attribute) {
            return attribute.equals("Arn")
                    ? Optional.of(n.arn("timestream", "database/" + name))
                    : Optional.empty();
        }
    },
    /** {@code Ref} is {@code <database>|<table>}; the builder supplies the database part. */
    TIMESTREAM_TABLE("AWS::Timestream::Table", "TableName") {
        @Override
        Optional<Object> attribute(LocalNames n, String name, String attribute) {
            return attribute.equals("Name") ? Optional.of(name) : Optional.empty();
        }
    },
    LAMBDA_FUNCTION("AWS::Lambda::Function", "FunctionName") {
        @Override
        Optional<Object> attribute(LocalNames n, String name, String attribute) {
            return attribute.equals("Arn") ? Optional.of(n.functionArn(name)) : Optional.empty();
        }
    },
    STATE_MACHINE("AWS::StepFunctions::StateMachine", "StateMachineName") {
        @Override
        Object ref(LocalNames n, String name) {
            return n.stateMachineArn(name);
        }

        @Override
        Optional<Object> attribute(LocalNames n, String name, String attribute) {
            return switch (attribute) {
                case "Arn" -> Optional.of(n.stateMachineArn(name));
                case "Name" -> Optional.of(name);
                default -> Optional.empty();
            };
        }
    },
    OTHER(null, null) {
        @Override
        Optional<Object> attribute(LocalNames n, String name, String attribute) {
            return Optional.of(name + "." + attribute);
        }
    };

    private final String type;
    private final String nameProperty;

    ResourceKind(String type, String nameProperty) {
        this.type = type;
        this.nameProperty = nameProperty;
    }

    /** The CloudFormation type, e.g. {@code AWS::SQS::Queue}; {@code null} for {@link #OTHER}. */
    public String type() {
        return type;
    }

    /** The property that names the resource, if the type has one. */
    public Optional<String> nameProperty() {
        return Optional.ofNullable(nameProperty);
    }

    /** Buckets need lower-case generated names. */
    boolean lowerCaseNames() {
        return this == BUCKET;
    }

    /** What {@code Ref} returns for a resource of this kind named {@code name}. */
    Object ref(LocalNames n, String name) {
        return name;
    }

    /** What {@code Fn::GetAtt} returns; empty for an attribute the type does not have. */
    Optional<Object> attribute(LocalNames n, String name, String attribute) {
        return Optional.empty();
    }

    /** The kind of a CloudFormation type ({@link #OTHER} when not listed). */
    public static ResourceKind of(String type) {
        for (ResourceKind k : values()) {
            if (k.type != null && k.type.equals(type)) {
                return k;
            }
        }
        return OTHER;
    }
}

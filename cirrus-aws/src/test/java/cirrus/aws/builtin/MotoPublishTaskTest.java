package cirrus.aws.builtin;

import java.nio.file.Path;

import org.junit.jupiter.api.extension.ExtendWith;

import cirrus.aws.moto.MotoExtension;
import cirrus.aws.moto.MotoPorts;
import cirrus.aws.moto.MotoServer;
import cirrus.runtime.builtin.PublishTaskSpec;
import cirrus.runtime.testing.PortFactory;

/** The runtime's PublishTask specification on DynamoDB, S3, SQS and SNS (moto). */
@ExtendWith(MotoExtension.class)
class MotoPublishTaskTest extends PublishTaskSpec {
    @Override
    protected PortFactory ports(Path dir) {
        return new MotoPorts(MotoServer.shared());
    }

    @Override
    protected boolean recordsOutputsWithoutState() {
        return true;
    }
}

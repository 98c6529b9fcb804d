/** Resource policies of SNS topics and SQS queues: who the world may publish, subscribe or send as. */
import { publicPrincipalPolicy } from "../lib/publicPrincipal";

/**
 * Checks whether an SNS topic policy (aws.sns.Topic `policy`, aws.sns.TopicPolicy) allows anyone
 * without a condition restricting it to fixed callers (lib/publicPrincipal.ts). Security Hub SNS.4,
 * AWS Config sns-topic-no-public-access
 * (https://docs.aws.amazon.com/config/latest/developerguide/sns-topic-no-public-access.html).
 */
export const snsTopicPolicyNoPublicAllow = publicPrincipalPolicy("topic", {
    name: "sns-topic-policy-no-public-allow",
    description: 'Checks whether an SNS topic policy allows Principal "*" without a restricting condition.',
    severity: "critical",
    securityHub: ["SNS.4"],
    cis: [],
    topics: ["monitoring", "access-control"],
});

/**
 * Checks whether an SQS queue policy (aws.sqs.Queue `policy`, aws.sqs.QueuePolicy) allows anyone
 * without a condition restricting it to fixed callers (lib/publicPrincipal.ts). Security Hub SQS.3,
 * AWS Config sqs-queue-no-public-access
 * (https://docs.aws.amazon.com/config/latest/developerguide/sqs-queue-no-public-access.html).
 */
export const sqsQueuePolicyNoPublicAllow = publicPrincipalPolicy("queue", {
    name: "sqs-queue-policy-no-public-allow",
    description: 'Checks whether an SQS queue policy allows Principal "*" without a restricting condition.',
    severity: "critical",
    securityHub: ["SQS.3"],
    cis: [],
    topics: ["messaging", "access-control"],
});

package com.bounceledger.classify;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/** The wording of the large receivers and filtering gateways; replies written for this test. */
class ReceiversTest {

    private static final BounceClassifier CLASSIFIER = BounceClassifier.builtIn();

    @ParameterizedTest(name = "{0}: {4}")
    @CsvSource(delimiter = '|', textBlock = """
            Gmail       | 550 | 5.1.1   | userunknown     | 550-5.1.1 The email account that you tried to reach does not exist. Please try 550-5.1.1 double-checking the recipient's email address. a1b2c3 - gsmtp (in reply to RCPT TO command)
            Gmail       | 550 | 5.2.1   | suspend         | 550-5.2.1 The email account that you tried to reach is inactive. For more information, go to 550 5.2.1 https://support.google.com/mail/?p=DisabledUser z9 - gsmtp
            Gmail       | 452 | 4.2.2   | mailboxfull     | 452-4.2.2 The recipient's inbox is out of storage space. Please direct the recipient to 452 4.2.2 https://support.google.com/mail/?p=OverQuotaTemp q1 - gsmtp
            Gmail       | 421 | 4.7.0   | badreputation   | 421-4.7.0 [203.0.113.5 15] Our system has detected that this message is 421-4.7.0 suspicious due to the very low reputation of the sending IP address. k2 - gsmtp
            Gmail       | 550 | 5.7.26  | authfailure     | 550-5.7.26 This mail has been blocked because the sender is unauthenticated. Gmail requires all senders to authenticate with either SPF or DKIM. m3 - gsmtp
            Gmail       | 550 | 5.7.1   | spamdetected    | 550-5.7.1 [203.0.113.5] Our system has detected that this message is likely unsolicited mail. To reduce the amount of spam sent to Gmail, this message has been blocked. n4 - gsmtp
            Gmail       | 450 | 4.2.1   | speeding        | 450-4.2.1 The user you are trying to contact is receiving mail too quickly. Please resend your message at a later time. p5 - gsmtp
            Microsoft   | 550 | 5.5.0   | userunknown     | 550 5.5.0 Requested action not taken: mailbox unavailable (S2017062302). [VI1EUR04FT012.eop-eur04.prod.protection.outlook.com]
            Microsoft   | 550 | 5.4.1   | userunknown     | 550 5.4.1 Recipient address rejected: Access denied. AS(201806281) [DB3PEPF0000885A.eurprd02.prod.outlook.com]
            Microsoft   | 550 | 5.7.606 | blocked         | 550 5.7.606 Access denied, banned sending IP [203.0.113.77]. To request removal from this list please visit https://sender.office.com/
            Microsoft   | 451 | 4.7.650 | badreputation   | 451 4.7.650 The mail server [203.0.113.77] has been temporarily rate limited due to IP reputation. (S843)
            Microsoft   | 550 | 5.2.2   | mailboxfull     | 550 5.2.2 STOREDRV.Deliver: mailbox full. The following information should help identify the cause
            Yahoo       | 421 | 4.7.0   | badreputation   | 421 4.7.0 [TSS04] Messages from 203.0.113.9 temporarily deferred due to unexpected volume or user complaints - 4.16.55.1; see https://postmaster.yahooinc.com/error-codes
            Yahoo       | 554 |         | userunknown     | 554 delivery error: dd This user doesn't have a yahoo.com account (zoe@yahoo.com) [0] - mta1234.mail.bf1.yahoo.com
            Yahoo       | 554 | 5.7.9   | policyviolation | 554 5.7.9 Message not accepted for policy reasons. See https://postmaster.yahooinc.com/error-codes
            Apple       | 550 | 5.1.1   | userunknown     | 550 5.1.1 <zed@icloud.com>: inactive email address (in reply to RCPT TO command)
            Apple       | 552 | 5.2.2   | mailboxfull     | 552 5.2.2 <zed@icloud.com>: user is over quota (in reply to RCPT TO command)
            Apple       | 421 | 4.7.1   | speeding        | 421 4.7.1 Messages to zed@icloud.com deferred due to excessive volume. Try again later
            Orange      | 550 | 5.1.1   | userunknown     | 550 5.1.1 Adresse d au moins un destinataire invalide. Invalid recipient. OFR_416 [416]
            Orange      | 552 |         | mailboxfull     | 552 Boite du destinataire pleine. Recipient overquota. OFR_417 [417]
            Orange      | 550 |         | blocked         | 550 mwinf5c10 ME Adresse IP source bloquee pour incident de spam. Client host blocked for spamming issues. OFR006_102 Ref http://csi.cloudmark.com
            GMX         | 554 |         | requireptr      | 554-gmx.net (mxgmxus001) Nemesis ESMTP Service not available 554-No SMTP service 554-Bad DNS PTR resource record. 554 For explanation visit http://postmaster.gmx.com/en/error-messages?ip=203.0.113.2&c=rdns
            Web.de      | 554 |         | policyviolation | 554-Transaction failed 554-Reject due to policy restrictions. 554 For explanation visit https://web.de/email/senderguidelines?ip=203.0.113.2&c=hi
            GMX         | 550 |         | userunknown     | 550 Requested action not taken: mailbox unavailable (in reply to RCPT TO command)
            Mimecast    | 550 |         | userunknown     | 550 Invalid Recipient - https://community.mimecast.com/docs/DOC-1369#550 [aBcD123.uk3]
            Mimecast    | 550 |         | authfailure     | 550 DMARC Sender Invalid - envelope rejected - https://community.mimecast.com/docs/DOC-1369#550
            Mimecast    | 550 |         | rejected        | 550 Administrative prohibition envelope blocked - https://community.mimecast.com/docs/DOC-1369#550
            Proofpoint  | 550 | 5.7.1   | blocked         | 550 5.7.1 Blocked - see https://support.proofpoint.com/dnsbl-lookup.cgi?ip=203.0.113.8
            Barracuda   | 554 |         | blocked         | 554 Service unavailable; Client host [203.0.113.8] blocked using Barracuda Reputation; http://www.barracudanetworks.com/reputation/?r=1&ip=203.0.113.8
            Barracuda   | 550 | 5.7.1   | spamdetected    | 550 5.7.1 Message content rejected, UBE, id=12345-06-789
            Trend Micro | 550 | 5.7.1   | blocked         | 550 5.7.1 Mail from 203.0.113.8 blocked using Trend Micro Email Reputation database. Please see http://www.mail-abuse.com/cgi-bin/lookup?203.0.113.8
            """)
    void knowsTheWordingOfLargeReceiversAndGateways(String receiver, String code, String status, String reason, String reply) {
        Classification result = CLASSIFIER.classify(code, status, reply, null);
        assertThat(result.reason().code()).as(receiver + ": " + result.rule()).isEqualTo(reason);
    }
}

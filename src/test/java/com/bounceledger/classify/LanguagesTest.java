package com.bounceledger.classify;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/** The common reasons in the languages receivers answer in; replies written for this test. */
class LanguagesTest {

    private static final BounceClassifier CLASSIFIER = BounceClassifier.builtIn();

    @ParameterizedTest(name = "{0}: {2}")
    @CsvSource(delimiter = '|', textBlock = """
            en | userunknown  | 550 5.0.0 <ann@example.org>: unknown recipient (in reply to RCPT TO command)
            de | userunknown  | 550 Empfänger unbekannt: bob@example.de (in reply to RCPT TO command)
            fr | userunknown  | 550 Utilisateur inconnu dans cette boîte (in reply to RCPT TO command)
            es | userunknown  | 550 El usuario no existe en este servidor (in reply to RCPT TO command)
            it | userunknown  | 550 Utente inesistente nel dominio (in reply to RCPT TO command)
            pt | userunknown  | 550 Usuário desconhecido neste domínio (in reply to RCPT TO command)
            nl | userunknown  | 550 Onbekende gebruiker op deze server (in reply to RCPT TO command)
            sv | userunknown  | 550 Okänd mottagare på denna server (in reply to RCPT TO command)
            ja | userunknown  | 550 宛先不明: そのようなユーザはいません (in reply to RCPT TO command)
            ru | userunknown  | 550 Пользователь не найден (in reply to RCPT TO command)
            en | mailboxfull  | 452 Sorry, the mailbox of this user is full, try later
            de | mailboxfull  | 552 Das Postfach ist voll. Bitte später erneut versuchen
            fr | mailboxfull  | 552 Boîte aux lettres pleine, message refusé
            es | mailboxfull  | 552 Buzón lleno: no se puede entregar
            it | mailboxfull  | 552 Casella di posta piena
            pt | mailboxfull  | 552 Caixa postal cheia, tente mais tarde
            nl | mailboxfull  | 552 Mailbox is vol
            sv | mailboxfull  | 552 Brevlådan är full
            ja | mailboxfull  | 552 メールボックスがいっぱいです
            ru | mailboxfull  | 552 Почтовый ящик переполнен
            de | spamdetected | 554 Die Nachricht wurde als Spam eingestuft
            fr | spamdetected | 554 Message considéré comme spam, rejeté
            es | spamdetected | 554 Mensaje detectado como spam
            it | spamdetected | 554 Messaggio classificato come spam
            pt | spamdetected | 554 Mensagem identificada como spam
            nl | spamdetected | 554 Bericht is als spam aangemerkt
            sv | spamdetected | 554 Meddelandet klassat som skräppost
            ja | spamdetected | 554 迷惑メールと判断されたため拒否しました
            ru | spamdetected | 554 Письмо отклонено: подозрение на спам
            de | suspend      | 550 Das Postfach ist gesperrt
            fr | suspend      | 550 Compte désactivé
            es | suspend      | 550 La cuenta está suspendida
            it | suspend      | 550 Account disabilitato
            pt | suspend      | 550 Conta desativada
            nl | suspend      | 550 Het account is geblokkeerd
            sv | suspend      | 550 Kontot är avstängt
            ru | suspend      | 550 Почтовый ящик заблокирован
            de | hostunknown  | 550 Die Domain existiert nicht
            fr | hostunknown  | 550 Domaine inexistant
            ru | hostunknown  | 550 Домен не существует
            """)
    void knowsTheCommonReasonsInEachLanguage(String language, String reason, String reply) {
        Classification result = CLASSIFIER.classify(null, null, reply, null);
        assertThat(result.reason().code()).as(language + ": " + reply + " (" + result.rule() + ")").isEqualTo(reason);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            BOÎTE DU DESTINATAIRE PLEINE | mailboxfull
            boite du destinataire pleine | mailboxfull
            ПОЛЬЗОВАТЕЛЬ НЕ НАЙДЕН      | userunknown
            Ｕｓｅｒ　ｕｎｋｎｏｗｎ     | userunknown
            """)
    void matchesWhateverTheCaseAccentsOrWidth(String text, String reason) {
        assertThat(CLASSIFIER.classify("550", null, text + " (in reply to RCPT TO command)", null).reason().code())
                .isEqualTo(reason);
    }
}

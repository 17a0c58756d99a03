package com.bounceledger.ingest;

/**
 * Checks bytes for well-formed UTF-8 (Unicode's table 3-7: no overlong forms, no surrogates, nothing past
 * U+10FFFF), the rule of the JDK's strict decoder, without a decoder: decoders keep state, and records
 * are decoded on several threads at once.
 */
final class Utf8 {

    private Utf8() {
    }

    static boolean isAscii(byte[] bytes, int from, int length) {
        for (int i = from, end = from + length; i < end; i++) {
            if (bytes[i] < 0) {
                return false;
            }
        }
        return true;
    }

    static boolean isValid(byte[] bytes, int from, int length) {
        int end = from + length;
        int i = from;
        while (i < end) {
            int b = bytes[i] & 0xff;
            if (b < 0x80) {
                i++;
                continue;
            }
            int continuations;
            int min = 0x80;
            int max = 0xbf; // the allowed range of the second byte
            if (b >= 0xc2 && b <= 0xdf) {
                continuations = 1;
            } else if (b >= 0xe0 && b <= 0xef) {
                continuations = 2;
                if (b == 0xe0) {
                    min = 0xa0; // overlong
                } else if (b == 0xed) {
                    max = 0x9f; // surrogates
                }
            } else if (b >= 0xf0 && b <= 0xf4) {
                continuations = 3;
                if (b == 0xf0) {
                    min = 0x90; // overlong
                } else if (b == 0xf4) {
                    max = 0x8f; // past U+10FFFF
                }
            } else {
                return false;
            }
            if (i + continuations >= end) { // cut short
                return false;
            }
            int second = bytes[i + 1] & 0xff;
            if (second < min || second > max) {
                return false;
            }
            for (int c = 2; c <= continuations; c++) {
                if ((bytes[i + c] & 0xc0) != 0x80) {
                    return false;
                }
            }
            i += continuations + 1;
        }
        return true;
    }
}

package io.eventfold.security;

/**
 * What Spring Security's firewall allows in a header value, checked without its regular expression: every code
 * point assigned and none a control character. The regular expression, run over every character of a bearer
 * token on every request, cost more than the dashboard read it guarded (docs/benchmarks.md).
 */
final class HeaderValues {

    private HeaderValues() {
    }

    static boolean allowed(String value) {
        for (int i = 0; i < value.length(); ) {
            char c = value.charAt(i);
            if (c >= 0x20 && c < 0x7f) {
                i++;
                continue;
            }
            int codePoint = value.codePointAt(i);
            if (!Character.isDefined(codePoint) || Character.isISOControl(codePoint)) {
                return false;
            }
            i += Character.charCount(codePoint);
        }
        return true;
    }
}

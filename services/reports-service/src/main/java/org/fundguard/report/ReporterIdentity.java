package org.fundguard.report;

import org.fundguard.kit.time.BusinessClock;

import io.smallrye.config.ConfigMapping;
import jakarta.enterprise.context.ApplicationScoped;
import org.fundguard.kit.problem.DomainException;
import org.fundguard.report.identity.PersonalDataCipher;
import org.fundguard.report.identity.ResidentId;

import java.util.List;
import java.util.Map;

/**
 * The reporter's identity: validated (GB 11643 check digit), stored only encrypted with the report id as context,
 * read back only for handlers ({@link ReportService#reporterIdentity}) and for a reward claim.
 */
@ApplicationScoped
public class ReporterIdentity {

    /** A real-name reporter's identity; never logged, never in an event. */
    public record Identity(String name, String idNumber, String phone) {
        @Override
        public String toString() {
            return "Identity[masked]";
        }
    }

    /** Keys from configuration ({@code REPORTS_PERSONAL_DATA_*}); a deployment without them does not start. */
    @ConfigMapping(prefix = "reports.personal-data")
    public interface Keys {
        /** Id of the key that encrypts; older keys stay listed to decrypt what they encrypted. */
        String currentKey();

        /** {@code id:base64,id:base64}: every key still needed, each 32 random bytes (one environment variable). */
        String keys();

        /** HMAC key of the blind index (at least 32 bytes, base64), separate from the encryption keys. */
        String indexKey();
    }

    private final PersonalDataCipher cipher;

    private final BusinessClock clock;

    public ReporterIdentity(Keys keys, BusinessClock clock) {
        this.clock = clock;
        Map<String, String> byId = new java.util.LinkedHashMap<>();
        for (String entry : keys.keys().split(",")) {
            int colon = entry.indexOf(':');
            if (colon <= 0) {
                throw new IllegalArgumentException("reports.personal-data.keys must be id:base64[,id:base64...]");
            }
            byId.put(entry.substring(0, colon).strip(), entry.substring(colon + 1).strip());
        }
        this.cipher = new PersonalDataCipher(keys.currentKey(), byId, keys.indexKey());
    }

    /**
     * Validates the identity and stores it, encrypted, on the report; the report becomes real-name. {@code field}
     * names the identity in the caller's request (e.g. {@code reporter.}) for error messages.
     */
    void store(Report r, Identity id, String field) {
        List<String> problems = ResidentId.validate(id.idNumber(), clock.today());
        if (!problems.isEmpty()) {
            throw new DomainException.InvalidField(field + "idNumber", String.join("; ", problems));
        }
        String context = r.id.toString();
        r.anonymous = false;
        r.reporterNameEnc = cipher.encrypt(id.name().strip(), context);
        r.reporterIdEnc = cipher.encrypt(ResidentId.normalise(id.idNumber()), context);
        r.reporterPhoneEnc = cipher.encrypt(id.phone().strip(), context);
        r.reporterIdIndex = cipher.blindIndex(ResidentId.normalise(id.idNumber()));
    }

    Identity read(Report r) {
        String context = r.id.toString();
        return new Identity(cipher.decrypt(r.reporterNameEnc, context), cipher.decrypt(r.reporterIdEnc, context),
                cipher.decrypt(r.reporterPhoneEnc, context));
    }

    /**
     * Whether a claimant is the person the report was made under: the same ID number (by the blind index) and the same
     * name (decrypted; compared after Unicode NFKC normalisation, with spacing and Latin letter case ignored).
     */
    boolean samePerson(Report r, Identity claimant) {
        if (claimant.idNumber() == null || claimant.name() == null || r.reporterIdIndex == null || r.reporterNameEnc == null) {
            return false;
        }
        boolean sameId = r.reporterIdIndex.equals(cipher.blindIndex(ResidentId.normalise(claimant.idNumber())));
        boolean sameName = comparableName(cipher.decrypt(r.reporterNameEnc, r.id.toString())).equals(comparableName(claimant.name()));
        return sameId & sameName;
    }

    /** A name as compared: NFKC (full-width letters, compatibility forms), no spaces, Latin letters in lower case. */
    static String comparableName(String name) {
        return java.text.Normalizer.normalize(name, java.text.Normalizer.Form.NFKC).replaceAll("\\s+", "")
                .toLowerCase(java.util.Locale.ROOT);
    }
}

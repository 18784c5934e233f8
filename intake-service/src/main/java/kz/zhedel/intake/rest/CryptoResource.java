package kz.zhedel.intake.rest;

import org.eclipse.microprofile.openapi.annotations.Operation;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import kz.zhedel.intake.domain.PersonalDataCipher;
import kz.zhedel.intake.service.KeyRotation;
import kz.zhedel.platform.security.Roles;

/** Data key rotation, run by ops after restarting intake with the new key and the old one as an old key. */
@Path("/api/v1/crypto/rotation")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.OPS)
public class CryptoResource {

    public record Rotated(String keyId, int resealedIncidents) {
    }

    @Inject
    KeyRotation rotation;

    @Inject
    PersonalDataCipher cipher;

    @POST
    @Operation(summary = "Re-seal all personal data under the current key (ZHEDEL_CRYPTO_KEY_ID); safe to repeat")
    public Rotated rotate() {
        return new Rotated(cipher.keyId(), rotation.rotate());
    }
}

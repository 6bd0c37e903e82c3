import { useMemo } from "react";
import { useLanguage } from "./language.tsx";
import type { Language } from "./messages.ts";

/** Interface texts of two-step sign-in (TOTP) and of the device columns in «Mine økter». */
const nb = {
  "tf.heading": "Totrinnsinnlogging",
  "tf.intro":
    "Med totrinnsinnlogging trenger du både passordet og en engangskode fra en autentiseringsapp på mobilen (for eksempel Microsoft Authenticator eller Google Authenticator) for å logge inn.",
  "tf.isOff": "Totrinnsinnlogging er av.",
  "tf.isOn": "Totrinnsinnlogging er på. Du har {count} ubrukte gjenopprettingskoder.",
  "tf.requiredNotice":
    "Kommunen krever totrinnsinnlogging for rollen din. Slå det på her før du kan bruke resten av Planverk.",
  "tf.start": "Slå på totrinnsinnlogging",
  "tf.scan": "1. Skann QR-koden med autentiseringsappen.",
  "tf.qrAlt": "QR-kode for å legge Planverk til i autentiseringsappen",
  "tf.manual": "Kan du ikke skanne? Skriv inn denne nøkkelen i appen:",
  "tf.confirmIntro": "2. Skriv inn koden appen viser, for å bekrefte at det virker.",
  "tf.code": "Engangskode fra appen",
  "tf.codeHint": "Seks sifre",
  "tf.confirm": "Bekreft og slå på",
  "tf.cancel": "Avbryt",
  "tf.enabled": "Totrinnsinnlogging er slått på.",
  "tf.recoveryHeading": "Gjenopprettingskoder",
  "tf.recoveryIntro":
    "Ta vare på disse kodene et trygt sted, for eksempel i en passordbehandler. Hver kode kan brukes én gang i stedet for engangskoden hvis du mister mobilen. De vises bare nå.",
  "tf.recoveryDone": "Jeg har tatt vare på kodene",
  "tf.disableHeading": "Slå av totrinnsinnlogging",
  "tf.disableIntro": "Bekreft med en kode fra appen, en gjenopprettingskode eller passordet ditt.",
  "tf.disableCode": "Kode fra appen eller gjenopprettingskode",
  "tf.disablePassword": "eller passord",
  "tf.disable": "Slå av",
  "tf.disabled": "Totrinnsinnlogging er slått av.",
  "tf.requiredDisable":
    "Kommunen krever totrinnsinnlogging for rollen din: slår du det av, må du sette det opp på nytt.",
  "tf.signInHeading": "Skriv inn engangskoden",
  "tf.signInIntro": "Åpne autentiseringsappen og skriv inn koden den viser for Planverk.",
  "tf.signInCode": "Engangskode eller gjenopprettingskode",
  "tf.signInSubmit": "Logg inn",
  "tf.signInRequired": "Skriv inn koden.",
  "tf.signInRestart": "Avbryt og start på nytt",
  "sessions.device": "Enhet",
  "sessions.deviceText": "{browser} på {os}",
  "sessions.unknownBrowser": "Ukjent nettleser",
  "sessions.unknownOs": "ukjent system",
  "sessions.lastUsed": "Sist brukt",
};
type SecondFactorKey = keyof typeof nb;

const nn: Record<SecondFactorKey, string> = {
  "tf.heading": "Totrinnsinnlogging",
  "tf.intro":
    "Med totrinnsinnlogging treng du både passordet og ein eingongskode frå ein autentiseringsapp på mobilen (til dømes Microsoft Authenticator eller Google Authenticator) for å logge inn.",
  "tf.isOff": "Totrinnsinnlogging er av.",
  "tf.isOn": "Totrinnsinnlogging er på. Du har {count} ubrukte gjenopprettingskodar.",
  "tf.requiredNotice":
    "Kommunen krev totrinnsinnlogging for rolla di. Slå det på her før du kan bruke resten av Planverk.",
  "tf.start": "Slå på totrinnsinnlogging",
  "tf.scan": "1. Skann QR-koden med autentiseringsappen.",
  "tf.qrAlt": "QR-kode for å leggje Planverk til i autentiseringsappen",
  "tf.manual": "Kan du ikkje skanne? Skriv inn denne nøkkelen i appen:",
  "tf.confirmIntro": "2. Skriv inn koden appen viser, for å stadfeste at det verkar.",
  "tf.code": "Eingongskode frå appen",
  "tf.codeHint": "Seks siffer",
  "tf.confirm": "Stadfest og slå på",
  "tf.cancel": "Avbryt",
  "tf.enabled": "Totrinnsinnlogging er slått på.",
  "tf.recoveryHeading": "Gjenopprettingskodar",
  "tf.recoveryIntro":
    "Ta vare på desse kodane ein trygg stad, til dømes i ein passordhandsamar. Kvar kode kan brukast éin gong i staden for eingongskoden om du mistar mobilen. Dei blir viste berre no.",
  "tf.recoveryDone": "Eg har teke vare på kodane",
  "tf.disableHeading": "Slå av totrinnsinnlogging",
  "tf.disableIntro": "Stadfest med ein kode frå appen, ein gjenopprettingskode eller passordet ditt.",
  "tf.disableCode": "Kode frå appen eller gjenopprettingskode",
  "tf.disablePassword": "eller passord",
  "tf.disable": "Slå av",
  "tf.disabled": "Totrinnsinnlogging er slått av.",
  "tf.requiredDisable":
    "Kommunen krev totrinnsinnlogging for rolla di: slår du det av, må du setje det opp på nytt.",
  "tf.signInHeading": "Skriv inn eingongskoden",
  "tf.signInIntro": "Opne autentiseringsappen og skriv inn koden han viser for Planverk.",
  "tf.signInCode": "Eingongskode eller gjenopprettingskode",
  "tf.signInSubmit": "Logg inn",
  "tf.signInRequired": "Skriv inn koden.",
  "tf.signInRestart": "Avbryt og start på nytt",
  "sessions.device": "Eining",
  "sessions.deviceText": "{browser} på {os}",
  "sessions.unknownBrowser": "Ukjend nettlesar",
  "sessions.unknownOs": "ukjent system",
  "sessions.lastUsed": "Sist brukt",
};

const en: Record<SecondFactorKey, string> = {
  "tf.heading": "Two-step sign-in",
  "tf.intro":
    "With two-step sign-in you need both your password and a one-time code from an authenticator app on your phone (such as Microsoft Authenticator or Google Authenticator) to sign in.",
  "tf.isOff": "Two-step sign-in is off.",
  "tf.isOn": "Two-step sign-in is on. You have {count} unused recovery codes.",
  "tf.requiredNotice":
    "The municipality requires two-step sign-in for your role. Turn it on here before you can use the rest of Planverk.",
  "tf.start": "Turn on two-step sign-in",
  "tf.scan": "1. Scan the QR code with your authenticator app.",
  "tf.qrAlt": "QR code for adding Planverk to your authenticator app",
  "tf.manual": "Cannot scan? Enter this key in the app:",
  "tf.confirmIntro": "2. Enter the code the app shows, to confirm that it works.",
  "tf.code": "One-time code from the app",
  "tf.codeHint": "Six digits",
  "tf.confirm": "Confirm and turn on",
  "tf.cancel": "Cancel",
  "tf.enabled": "Two-step sign-in is on.",
  "tf.recoveryHeading": "Recovery codes",
  "tf.recoveryIntro":
    "Keep these codes somewhere safe, such as a password manager. Each code can be used once instead of the one-time code if you lose your phone. They are shown only now.",
  "tf.recoveryDone": "I have saved the codes",
  "tf.disableHeading": "Turn off two-step sign-in",
  "tf.disableIntro": "Confirm with a code from the app, a recovery code or your password.",
  "tf.disableCode": "Code from the app or recovery code",
  "tf.disablePassword": "or password",
  "tf.disable": "Turn off",
  "tf.disabled": "Two-step sign-in is off.",
  "tf.requiredDisable":
    "The municipality requires two-step sign-in for your role: if you turn it off, you must set it up again.",
  "tf.signInHeading": "Enter the one-time code",
  "tf.signInIntro": "Open your authenticator app and enter the code it shows for Planverk.",
  "tf.signInCode": "One-time code or recovery code",
  "tf.signInSubmit": "Sign in",
  "tf.signInRequired": "Enter the code.",
  "tf.signInRestart": "Cancel and start again",
  "sessions.device": "Device",
  "sessions.deviceText": "{browser} on {os}",
  "sessions.unknownBrowser": "Unknown browser",
  "sessions.unknownOs": "unknown system",
  "sessions.lastUsed": "Last used",
};

export const secondFactorMessages: Record<Language, Record<SecondFactorKey, string>> = { nb, nn, en };

/** These texts in the chosen language. */
export function useSecondFactorMessages() {
  const { language } = useLanguage();
  return useMemo(
    () => ({
      tf: (key: SecondFactorKey, params: Record<string, string | number> = {}) =>
        secondFactorMessages[language][key].replace(/\{(\w+)\}/g, (_, name: string) =>
          String(params[name] ?? `{${name}}`),
        ),
    }),
    [language],
  );
}

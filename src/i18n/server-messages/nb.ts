/**
 * The server's messages in bokmål: the source catalogue. Keys are grouped by area; {name} is a
 * parameter. nn.ts and en.ts translate every key (a test checks); a missing one falls back to these.
 */
export const nb = {
  // Common answers of the API itself.
  "common.invalidRequest": "Ugyldig forespørsel.",
  "common.internal": "Noe gikk galt hos oss. Prøv igjen senere.",
  "common.unknownAddress": "Ukjent adresse: {method} {url}",
  "common.nulCharacter": "Teksten inneholder et ugyldig tegn (NUL, \\u0000). Fjern det og prøv igjen.",
  "common.invalidJson": "Forespørselen er ikke gyldig JSON.",
  "common.listChanged": "Listen er endret i mellomtiden. Last siden på nytt og prøv igjen.",
  // Text made by a domain rule that has no key yet (still bokmål in every language).
  "common.untranslated": "{text}",

  // «… finnes ikke»: notFound(subject) and authorize(…, subject).
  "notFound.object": "Objektet finnes ikke.",
  "notFound.page": "Siden finnes ikke.",
  "notFound.municipality": "Kommunen finnes ikke.",
  "notFound.municipalityNumber": "Kommune {number} finnes ikke.",
  "notFound.userEmail": "Brukeren {email} finnes ikke.",
  "notFound.membership": "Medlemskapet finnes ikke.",
  "notFound.invitation": "Invitasjonen finnes ikke.",
  "notFound.partner": "Samarbeidspartneren finnes ikke.",
  "notFound.region": "Regionen finnes ikke.",
  "notFound.coordinator": "Koordinatoren finnes ikke.",
  "notFound.plan": "Planen finnes ikke.",
  "notFound.goal": "Målet finnes ikke.",
  "notFound.focusArea": "Satsingsområdet finnes ikke.",
  "notFound.objective": "Delmålet finnes ikke.",
  "notFound.cycle": "Rulleringen finnes ikke.",
  "notFound.actionPlan": "Handlingsplanen finnes ikke.",
  "notFound.measure": "Tiltaket finnes ikke.",
  "notFound.sharedMeasure": "Det felles tiltaket finnes ikke.",
  "notFound.milestone": "Milepælen finnes ikke.",
  "notFound.indicator": "Indikatoren finnes ikke.",
  "notFound.proposal": "Innspillet finnes ikke.",
  "notFound.comment": "Kommentaren finnes ikke.",
  "notFound.reportingPeriod": "Rapporteringsperioden finnes ikke.",
  "notFound.statusReport": "Rapporten finnes ikke.",
  "notFound.evaluations": "Evalueringene finnes ikke.",
  "notFound.evaluationRound": "Evalueringsrunden finnes ikke.",
  "notFound.roundMeasure": "Tiltaket i runden finnes ikke.",

  // Signing in, sessions and access.
  "auth.signInRequired": "Du må logge inn for å gjøre dette.",
  "auth.signInToSee": "Du må logge inn for å se dette.",
  "auth.signInToPropose": "Du må logge inn for å sende innspill.",
  "auth.signInToSeeNotifications": "Du må logge inn for å se varslene dine.",
  "auth.signInToComment": "Du må logge inn for å kommentere.",
  "auth.forbidden": "Du har ikke tilgang til å gjøre dette.",
  "auth.installationAdminsOnly": "Bare installasjonens administratorer kan gjøre dette.",
  "auth.wrongCredentials": "Feil e-postadresse eller passord.",
  "auth.tooManyAttempts": "For mange mislykkede innlogginger. Vent {seconds} sekunder og prøv igjen.",
  "auth.wrongCurrentPassword": "Nåværende passord er feil.",
  "auth.crossSiteRequest": "Forespørsler fra andre nettsteder godtas ikke.",
  "auth.csrfToken": "Mangler eller ugyldig CSRF-token. Last siden på nytt og prøv igjen.",
  "auth.userDeactivated": "Brukeren din er deaktivert. Ta kontakt med en administrator i kommunen.",
  "auth.oidcNotConfigured": "Innlogging med OpenID Connect er ikke satt opp i denne installasjonen.",
  "auth.oidcNoEmail":
    "Innloggingstjenesten oppga ingen e-postadresse for deg, så vi kan ikke opprette en bruker. Ta kontakt med en administrator.",
  "auth.oidcEmailUnverified":
    "Det finnes allerede en bruker med denne e-postadressen, men innloggingstjenesten har ikke bekreftet adressen. Ta kontakt med en administrator.",
  "auth.invalidEmail": "Ugyldig e-postadresse: {email}",

  // Members, invitations, partner organisations.
  "member.unknownRole": "Ukjent rolle.",
  "member.changedByOther": "Noen andre har endret rollen etter at du åpnet den.",
  "member.lastAdmin": "Kommunen må ha minst én administrator.",
  "member.choosePartner": "Velg en samarbeidspartner som er registrert i kommunen.",
  "invitation.alreadyMember": "{email} har allerede en rolle i {municipality}.",
  "invitation.signInAs": "Logg inn som {email} først, og åpne lenken igjen.",
  "invitation.wrongPerson":
    "Invitasjonen gjelder {email}, men du er logget inn som en annen. Logg ut, og åpne lenken igjen.",
  "organisation.numberTaken":
    "Organisasjonsnummeret {number} er allerede registrert på en annen samarbeidspartner i kommunen.",
  "organisation.changedByOther": "Noen andre har endret samarbeidspartneren etter at du åpnet den.",
  "organisation.inUse":
    "{name} deltar i tiltak og kan ikke slettes. Fjern samarbeidspartneren fra tiltakene først ({count} tiltak).",

  // Regions.
  "region.adminsOnly": "Bare installasjonens administratorer kan endre regionen.",
  "region.changedByOther": "Noen andre har endret regionen etter at du åpnet den. Last siden på nytt.",
  "region.unknownMunicipalities": "Ukjent kommunenummer: {numbers}.",
  "region.noSuchUser":
    "Ingen bruker har denne e-postadressen. Personen må ha en konto i Planverk før hen kan bli koordinator.",

  // The strategic plan and its goals, focus areas and objectives.
  "plan.changedByOther": "Noen andre har endret planen etter at du åpnet den.",
  "plan.endYearBeforeStart": "Sluttår kan ikke være før startår.",
  "plan.goalsNotInPlan": "Ett eller flere mål finnes ikke i planen.",
  "plan.chooseFocusArea": "Velg satsingsområde.",
  "plan.changed.goal": "Noen andre har endret målet etter at du åpnet det.",
  "plan.changed.focusArea": "Noen andre har endret satsingsområdet etter at du åpnet det.",
  "plan.changed.objective": "Noen andre har endret delmålet etter at du åpnet det.",
  "plan.inUse.goal": "Målet brukes av {count} tiltak og kan ikke slettes. Flytt tiltakene først.",
  "plan.inUse.focusArea":
    "Satsingsområdet brukes av {count} tiltak og kan ikke slettes. Flytt tiltakene først.",
  "plan.inUse.objective": "Delmålet brukes av {count} tiltak og kan ikke slettes. Flytt tiltakene først.",

  // Cycles (rulleringer) and their phases.
  "cycle.phase.innspill": "Innspill",
  "cycle.phase.utarbeidelse": "Utarbeidelse",
  "cycle.phase.rammesak": "Rammesak",
  "cycle.phase.tilpasning": "Tilpasning",
  "cycle.phase.vedtak": "Vedtak",
  "cycle.phase.gjennomforing": "Gjennomføring",
  "cycle.phase.evaluering": "Evaluering",
  "cycle.phase.avsluttet": "Avsluttet",
  "cycle.changedByOther": "Noen andre har endret rulleringen i mellomtiden.",
  "cycle.cannotAdvance": "Kan ikke gå til «{phase}»: {problems}",
  "cycle.alreadyRolled": "Rulleringen for {year} finnes allerede. En syklus rulleres bare én gang.",
  "cycle.notAdoptedCannotRoll":
    "Handlingsplanen for {year} er ikke vedtatt ennå; bare en vedtatt plan kan rulleres.",
  "cycle.phaseEndBeforeStart": "Slutt kan ikke være før start.",
  "cycle.laterCycleExists":
    "Rulleringen for {later} er allerede laget; endringer gjøres i den, ikke som revisjon av {year}.",
  "cycle.revisionOnlyFromAdopted":
    "En revisjon kan bare startes fra en vedtatt handlingsplan, og bare én om gangen.",
  "cycle.noActionPlan": "Rulleringen {year} har ingen handlingsplan.",

  // Action plans: adoption, prioritising, frames.
  "actionPlan.noneYet": "Planen har ingen handlingsplan ennå. Opprett en rullering først.",
  "actionPlan.adoptedUseRevision":
    "Handlingsplanen for {year} er vedtatt og kan ikke endres. Endringer gjøres som en revisjon.",
  "actionPlan.adoptedCannotReprioritise":
    "Handlingsplanen for {year} er vedtatt og kan ikke prioriteres om. Endringer gjøres som en revisjon.",
  "actionPlan.noDraftToAdopt": "Det finnes ikke noe utkast å vedta i denne rulleringen.",
  "actionPlan.adoptInDecisionPhase": "Handlingsplanen vedtas i fasen «Vedtak»; rulleringen er i «{phase}».",
  "actionPlan.cannotAdopt": "Kan ikke vedta: {problems}",
  "actionPlan.adoptedByOther": "Handlingsplanen ble vedtatt av noen andre i mellomtiden.",
  "actionPlan.notInDraft":
    "Ikke med i utkastet til handlingsplan {year} (lenger): {references}. Lag et nytt forslag.",
  "actionPlan.mandatoryCannotBeLeftOut":
    "Obligatoriske tiltak kan ikke tas ut: {references}. Fjern markeringen først.",
  "actionPlan.priorityInvalid": "Prioriteten er et helt tall, 0 eller mer.",
  "frame.areaExists": "Rammeområdet «{name}» finnes allerede.",
  "frame.sourceExists": "Finansieringskilden «{name}» finnes allerede.",
  "frame.changedByOther": "Noen andre har endret rammen i mellomtiden.",

  // Measures, their status, financing, milestones and sharing between municipalities.
  "measure.notInActionPlan": "Tiltaket er ikke med i handlingsplanen for {year}.",
  "measure.changedByOther": "Noen andre har endret tiltaket etter at du åpnet det.",
  "measure.statusChangedByOther": "Noen andre har oppdatert status etter at du åpnet den.",
  "measure.adoptedCannotDelete":
    "{reference} er med i en vedtatt handlingsplan og kan ikke slettes. Sett status til «stoppet» i stedet.",
  "measure.notMarkedForReview": "Tiltaket er ikke merket «må vurderes».",
  "measure.spendingSourceInvalid": "Hver finansieringskilde må være kommunens egen og stå bare én gang.",
  "measure.spendingAmountInvalid": "Forbruk er hele kroner, 0 eller mer.",
  "measure.milestoneChangedByOther": "Noen andre har endret milepælen etter at du åpnet den.",
  "measure.shareOwnMunicipality": "Kommunen eier tiltaket selv og kan ikke inviteres til det.",
  "measure.shareNotInRegion":
    "Kommunen er ikke i samme region, eller bruker ikke Planverk. Bare kommuner i regionen kan inviteres.",
  "measure.shareAlreadyInvited": "{municipality} er allerede invitert til eller med i tiltaket.",
  "measure.shareOnlySelfCanLeave":
    "{municipality} er med i tiltaket. Bare {municipality} selv kan melde seg ut.",
  "measure.participationChangedByOther":
    "Noen andre har endret deltakelsen etter at du åpnet den. Last siden på nytt.",
  "measure.participationArea": "Velg et av kommunens egne rammeområder.",
  "measure.participationShareTooLarge":
    "Andelen er for stor: de andre kommunene har til sammen {others} %, så {municipality} kan ha høyst {max} %.",

  // Proposals (innspill) and comments.
  "proposal.changedByOther": "Innspillet er endret etter at du åpnet det. Last siden på nytt.",
  "proposal.alreadyDecided": "Innspillet er allerede {outcome}.",
  "proposal.outcome.accepted": "tatt inn",
  "proposal.outcome.rejected": "avslått",
  "proposal.outcome.deferred": "utsatt",
  "proposal.chooseMeasure": "Velg et tiltak i kommunens handlingsplan.",
  "proposal.notAcceptingNow":
    "Handlingsplanen for {year} tar ikke imot innspill nå. Innspill sendes i innspillsfasen.",
  "proposal.accountWithoutPartner":
    "Kontoen din er ikke knyttet til en samarbeidspartner. Be kommunen knytte deg til organisasjonen din.",
  "proposal.publishAfterAdoption": "Innspillene kan publiseres når handlingsplanen for {year} er vedtatt.",
  "comment.targetRequired": "Oppgi et innspill (proposal) eller et tiltak (measure).",
  "comment.visibilityNotAllowed": "Du kan ikke velge denne synligheten.",
  "comment.editWindow": "Bare den som skrev kommentaren kan endre den, og bare de første 15 minuttene.",
  "comment.changedByOther": "Kommentaren er endret etter at du åpnet den.",
  "comment.alreadyRemoved": "Kommentaren er allerede fjernet.",

  // Status reports and reporting periods.
  "statusReport.changedByOther": "Rapporten er endret etter at du åpnet den. Last siden på nytt.",
  "statusReport.none": "Ingen rapport.",
  "statusReport.commentRequired": "Skriv hva tiltakseieren må rette.",
  "reportingPeriod.changedByOther": "Noen andre har endret perioden etter at du åpnet den.",
  "reportingPeriod.invalidTransition":
    "En periode åpnes, avsluttes eller åpnes igjen; den kan ikke gå tilbake til planlagt.",
  "reportingPeriod.dueBeforeDate": "Fristen kan ikke være før datoen rapporten gjelder.",
  "reportingPeriod.notOpenYet": "Rapporteringsperioden er ikke åpnet ennå.",
  "reportingPeriod.closed": "Rapporteringsperioden er avsluttet.",

  // Evaluation rounds.
  "evaluation.roundClosedSetup": "Runden er lukket. Åpne den igjen for å endre oppsettet.",
  "evaluation.roundChangedByOther": "Noen andre har endret runden i mellomtiden. Last siden på nytt.",
  "evaluation.roundClosedAnswers": "Runden er lukket, og svarene kan ikke endres lenger.",
  "evaluation.deadlinePassed": "Fristen ({deadline}) er passert, og svarene kan ikke endres lenger.",
  "evaluation.answerChangedElsewhere": "Svaret er endret i et annet vindu. Last siden på nytt.",
  "evaluation.alreadyClosed": "Runden er allerede lukket.",
  "evaluation.alreadyOpen": "Runden er allerede åpen.",
  "evaluation.closeBeforePublish": "Lukk runden før du publiserer sammendraget.",
  "evaluation.alreadyPublished": "Sammendraget er allerede publisert.",
  "evaluation.publishAfterAdoption":
    "Sammendraget kan publiseres når handlingsplanen for rulleringen er vedtatt.",
  "evaluation.notPublished": "Sammendraget er ikke publisert.",
  "evaluation.selfAssessmentClosed": "Runden er lukket, og egenvurderingen kan ikke endres lenger.",
  "evaluation.selfAssessmentChangedByOther": "Egenvurderingen er endret av noen andre. Last siden på nytt.",

  // Indicators and statistics fetched from a URL.
  "indicator.changedByOther": "Noen andre har endret indikatoren i mellomtiden.",
  "indicator.targetChangedByOther": "Noen andre har endret målverdien for {year} i mellomtiden.",
  "indicator.fileTooLarge":
    "Filen er større enn {megabytes} MB; velg et mindre utvalg i tabellen og last den ned på nytt.",
  "indicator.importNotSaved": "Importen ble ikke lagret: {problems}",
  "indicator.sendAsJson":
    "Forespørselen må sendes som JSON (Content-Type: application/json), med filens tekst i «source.text».",
  "indicator.notATextFile":
    "Filen ser ikke ut som en tekstfil (JSON-stat eller CSV); den kan være et bilde, en PDF eller et regneark. Last ned tabellen som JSON-stat eller CSV og prøv igjen.",
  "statistics.invalidUrl": "Adressen er ikke en gyldig URL.",
  "statistics.httpOnly": "Bare adresser som begynner med http:// eller https:// kan hentes.",
  "statistics.timeout": "Tjenesten svarte ikke innen {seconds} sekunder.",
  "statistics.fetchFailed": "Kunne ikke hente {host}: {reason}.",
  "statistics.unknownError": "ukjent feil",
  "statistics.httpError": "Tjenesten svarte med feil {status} {statusText}.",
  "statistics.tooLarge": "Filen er større enn {megabytes} MB; velg et mindre utvalg i tabellen.",

  // Importing measures from a spreadsheet.
  "import.chooseFile": "Velg et Excel-regneark (.xlsx) å importere.",
  "import.sheetHasProblems": "Regnearket har {count} feil; ingenting er lagret.",
  "import.changedSincePreview":
    "Handlingsplanen er endret etter forhåndsvisningen. Last opp filen på nytt og se over endringene.",
  "import.rowFailed": "Rad {row}: {problem} Ingenting er lagret.",
  "import.fileIsOther": "Filen er {what}, ikke et Excel-regneark (.xlsx). Velg regnearket med tiltakene.",
  "import.what.pdf": "en PDF-fil",
  "import.what.image": "et bilde",
  "import.what.oldOffice": "et gammelt Excel- eller Word-format (.xls/.doc)",
  "import.notXlsx":
    "Filen er ikke et Excel-regneark (.xlsx). Er det en CSV- eller tekstfil, åpne den i Excel og lagre den som .xlsx.",
  "import.unpacksTooLarge":
    "Filen pakkes ut til mer enn {megabytes} MB, eller er skadet; den kan ikke importeres.",
  "import.damaged":
    "Filen er skadet eller ikke et Excel-regneark (.xlsx); den kan ikke leses. Lagre regnearket på nytt som .xlsx.",
  "import.tooManyParts":
    "Filen består av {count} deler; et Excel-regneark har sjelden mer enn noen få dusin. Den kan ikke importeres.",
  "import.invalidPartName":
    "Filen inneholder en del med et ugyldig navn («{name}»); den kan ikke importeres. Lagre regnearket på nytt som .xlsx.",
  "import.isWord":
    "Filen er et Word-dokument (.docx), ikke et Excel-regneark (.xlsx). Velg regnearket med tiltakene.",
  "import.isPowerPoint": "Filen er en PowerPoint-presentasjon, ikke et Excel-regneark (.xlsx).",
  "import.zipNotXlsx":
    "Filen er et zip-arkiv, men ikke et Excel-regneark (.xlsx). Lagre regnearket som .xlsx i Excel og prøv igjen.",
  "import.unusualCompression":
    "Filen er pakket på en måte Excel ikke bruker; lagre regnearket på nytt som .xlsx.",
  "import.tooManyRows":
    "Regnearket har {rows} rader i ett ark; importen tar høyst {max}. Slett det som ikke er tiltak og prøv igjen.",
  "import.tooManyCells":
    "Regnearket har {cells} celler; importen tar høyst {max}. Slett ark og kolonner som ikke er tiltak og prøv igjen.",
  "import.macros":
    "Filen inneholder makroer (.xlsm). Av sikkerhetshensyn importeres bare vanlige regneark: lagre den som «Excel-arbeidsbok (.xlsx)» og prøv igjen.",
  "import.sendFileItself": "Send Excel-regnearket (.xlsx) som filen selv, med Content-Type {contentType}.",
  "import.fileTooLarge": "Filen er større enn {megabytes} MB.",
  "import.unreadable": "Filen kan ikke leses som et Excel-regneark (.xlsx); den kan være skadet.",
  "import.noSheets": "Regnearket har ingen ark.",
  "import.sheetTooLong":
    "Arket «{sheet}» går ned til rad {rows}; importen tar høyst {max} rader. Slett tomme rader under tiltakene og prøv igjen.",
  "import.sheetTooWide":
    "Arket «{sheet}» har innhold i kolonne {columns}; importen tar høyst {max} kolonner. Slett tomme kolonner til høyre for tiltakene og prøv igjen.",

  // Backup and restore.
  "backup.municipalityMissing": "Fant ikke kommune {number}.",
  "backup.databaseNotEmpty":
    "Databasen er ikke tom (den har brukere, planer eller logg). Gjenoppretting gjøres inn i en tom database.",
  "backup.notABackup": "Filen er ikke en Planverk-sikkerhetskopi (feil format eller versjon).",
  "backup.unknownTable": "Ukjent tabell i sikkerhetskopien: {name}.",
  "backup.empty": "Sikkerhetskopien er tom.",

  // The operator's command line.
  "cli.createAdminNeedsEmailAndName": "create-admin trenger --email og --name.",
  "cli.needsFile": "{command} trenger --file.",
  "cli.resetPasswordNeedsEmail": "reset-password trenger --email.",

  // The year model: which action plan a view shows.
  "yearModel.noActionPlan": "Handlingsplan {year} finnes ikke.",
  "yearModel.measureNotInYear": "Tiltaket er ikke med i handlingsplan {year}.",
  // Taken out of the draft, put back, undo prioritisation.
  "removal.adopted":
    "Handlingsplan {year} er vedtatt. Det som ble tatt ut, vises som historikk og kan ikke settes inn igjen.",
  "removal.notInDraft": "Tiltaket {reference} er ikke med i utkastet til handlingsplan.",
  "removal.reasonRequired": "Skriv hvorfor tiltaket tas ut av forslaget.",
  "removal.notTakenOut": "Tiltaket {reference} er ikke tatt ut av utkastet, og kan ikke settes inn igjen.",
  "removal.alreadyInDraft": "Tiltaket {reference} er allerede med i utkastet.",
  "removal.focusAreaGone":
    "{reference} {title} kan ikke settes inn igjen: satsingsområdet det hørte til, finnes ikke lenger. Opprett tiltaket på nytt under et annet satsingsområde.",
  "removal.goalGone":
    "{reference} {title} kan ikke settes inn igjen: et mål eller delmål det hørte til, finnes ikke lenger.",
  "removal.partnerGone":
    "{reference} {title} kan ikke settes inn igjen: en partner i tiltaket er ikke lenger registrert i kommunen.",
  "removal.fundingSourceGone":
    "{reference} {title} kan ikke settes inn igjen: en finansieringskilde i tiltaket finnes ikke lenger.",
  "removal.nothingToUndo": "Ingen prioritering å angre i utkastet til handlingsplan {year}.",
  // Confirmations, corrections, warnings, anonymity.
  "consequence.adoptLocks": "Handlingsplan {year} blir låst.",
  "consequence.adoptUndecided": "{count} innspill er ikke behandlet.",
  "consequence.rollCreatesDraft": "Et utkast for {next} opprettes; vedtatt {year} vises som før.",
  "consequence.rollBeyondPeriod":
    "Planperioden {start}–{end} slutter før {next}. Forleng planperioden, eller merk planen for revisjon.",
  "consequence.advancePhase": "Rulleringen går fra «{from}» til «{to}».",
  "consequence.advanceClosesProposals": "Innspill kan ikke lenger sendes inn.",
  "consequence.stepBackPhase": "Rulleringen går tilbake fra «{from}» til «{to}».",
  "consequence.stepBackOpensProposals": "Innspill kan sendes inn igjen.",
  "consequence.closeRound": "Panelet kan ikke lenger svare.",
  "consequence.closeFewAnswers": "Bare {answered} av {panel} har svart.",
  "consequence.reopenRound": "Panelet kan svare igjen fram til fristen.",
  "consequence.reopenUnpublishes": "Det publiserte sammendraget trekkes tilbake.",
  "consequence.publishRound": "Sammendraget blir offentlig.",
  "consequence.publishRule": "Grupper med færre enn {minimum} svar vises ikke.",
  "consequence.publishHidden": "Disse gruppene har færre enn {minimum} svar og vises ikke: {groups}.",
  "consequence.unpublishRound": "Sammendraget er ikke lenger offentlig.",
  "evaluation.anonymityRule":
    "Sammendraget viser aldri en gruppe (en sektor eller hele panelet) med færre enn {minimum} svar, heller ikke en som kan regnes ut av de andre.",
  "evaluation.sector.business": "næringsliv",
  "evaluation.sector.academia": "akademia",
  "evaluation.sector.municipality": "kommunen",
  "evaluation.sector.other": "andre",
  "cycle.cannotStepBack.first_phase": "Rulleringen er i første fase og kan ikke gå tilbake.",
  "cycle.cannotStepBack.adopted": "Handlingsplanen er vedtatt; rulleringen kan ikke gå tilbake.",
  "cycle.cannotStepBack.after_decision": "Rulleringen kan bare gå tilbake fram til og med «Vedtak».",
  "actionPlan.correctOnlyAdopted":
    "Bare et registrert vedtak kan rettes; versjon {revision} er ikke vedtatt.",
  "actionPlan.correctNothing": "Ingenting er endret i vedtaket.",
  "actionPlan.correctChangedByOther": "Vedtaket er endret av noen andre i mellomtiden. Last siden på nytt.",
  // Passwords, throttling and fetching by URL.
  "statistics.httpsOnly": "Bare adresser som begynner med https:// kan hentes.",
  "statistics.hostNotAllowed": "Tjeneren henter bare fra disse statistikktjenestene: {hosts}.",
  "statistics.addressRefused":
    "Adressen peker ikke til en offentlig tjeneste på Internett, og kan ikke hentes.",
  "statistics.fetchUnavailable": "Kunne ikke hente adressen. Sjekk at den er riktig, og prøv igjen senere.",
  "statistics.tooManyRedirects": "Adressen videresender for mange ganger (høyst {max}).",
  "statistics.httpStatus": "Tjenesten svarte med feil {status}.",
  // Real-world data: statistics, spreadsheets, money and the API contract.
  "notFound.indicatorImport": "Importen finnes ikke.",
  "indicator.importAlreadyCurrent": "Denne importen er allerede den gjeldende.",
  "common.invalidField": "Feil i «{field}»: {problem}",
  "common.invalidFieldMore": "Feil i «{field}»: {problem} (og {more} feil til, se details)",
  "request.emptyJson": "Forespørselen sier at den er JSON (Content-Type: application/json), men er tom.",
  "request.tooLarge": "Forespørselen er for stor.",
  "request.unsupportedMediaType":
    "Innholdstypen «{contentType}» støttes ikke her; send JSON (Content-Type: application/json).",
  "request.invalid": "Forespørselen kan ikke behandles ({code}).",
  "validation.required": "Mangler.",
  "validation.notNumber": "Må være et tall.",
  "validation.notInteger": "Må være et helt tall.",
  "validation.notText": "Må være en tekst.",
  "validation.notBoolean": "Må være true eller false.",
  "validation.notObject": "Må være et objekt.",
  "validation.notList": "Må være en liste.",
  "validation.wrongType": "Har feil type (forventet {expected}).",
  "validation.tooShort": "Må ha minst {minimum} tegn.",
  "validation.tooFewItems": "Må ha minst {minimum} elementer.",
  "validation.tooSmall": "Må være minst {minimum}.",
  "validation.tooLong": "Kan ha høyst {maximum} tegn.",
  "validation.tooManyItems": "Kan ha høyst {maximum} elementer.",
  "validation.tooBig": "Kan være høyst {maximum}.",
  "validation.oneOf": "Må være en av: {values}.",
  "validation.notUuid": "Må være en UUID.",
  "validation.notEmail": "Må være en e-postadresse.",
  "validation.notDate": "Må være en dato (ÅÅÅÅ-MM-DD).",
  "validation.notDateTime": "Må være et tidspunkt (ISO 8601).",
  "validation.notUrl": "Må være en adresse (URL).",
  "validation.invalidFormat": "Har ugyldig format ({format}).",
  "validation.unknownFields": "Ukjente felt: {keys}.",
  "validation.invalid": "Ugyldig verdi.",
  // Sessions («Mine økter»)
  "notFound.session": "Økten finnes ikke.",
  // Second factor (TOTP) and session devices
  "auth.secondFactorAlreadyOn": "Totrinnsinnlogging er allerede slått på.",
  "auth.secondFactorNotStarted": "Start oppsettet av totrinnsinnlogging først.",
  "auth.secondFactorNotOn": "Totrinnsinnlogging er ikke slått på.",
  "auth.wrongSecondFactorCode":
    "Koden stemmer ikke. Skriv inn koden appen viser nå, eller en gjenopprettingskode.",
  "auth.secondFactorProofWrong": "Koden eller passordet stemmer ikke.",
  "auth.secondFactorStepExpired": "Innloggingen tok for lang tid. Logg inn med passordet på nytt.",
  "auth.secondFactorSetupRequired":
    "Du må slå på totrinnsinnlogging før du kan bruke Planverk. Gå til Min konto.",
  // Plans, audit trail and invitations (everyday work package)
  "invitation.alreadyUsed": "Invitasjonen til {email} er allerede brukt og kan ikke trekkes tilbake.",
  "invitation.alreadyWithdrawn": "Invitasjonen til {email} er allerede trukket tilbake.",
  // Paging (cursor paging of lists)
  "paging.badCursor": "Feil i «cursor»: Sidepekeren er ugyldig. Hent første side på nytt uten cursor.",
  // Background jobs: reminders, indicator refresh, the job queue
  "indicator.refreshNeedsAddress": "Bare indikatorer importert fra en adresse kan hentes på nytt.",
  "indicator.refreshNoAddress": "Indikatoren har ingen adresse å hente fra.",
  "indicator.refreshMappingFailed": "Tabellen på adressen passer ikke lenger med oppsettet fra importen.",
  "indicator.refreshFailed": "Hentingen feilet.",
  "jobs.notRunning": "Bakgrunnsjobbene kjører ikke på denne instansen.",
  "notFound.job": "Jobben finnes ikke, eller den har ikke feilet.",
} as const;

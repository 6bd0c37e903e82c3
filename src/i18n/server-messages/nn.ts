import type { ServerMessages } from "./index.ts";

/** The server's messages in nynorsk. */
export const nn: ServerMessages = {
  "common.invalidRequest": "Ugyldig førespurnad.",
  "common.internal": "Noko gjekk gale hos oss. Prøv igjen seinare.",
  "common.unknownAddress": "Ukjend adresse: {method} {url}",
  "common.nulCharacter": "Teksten inneheld eit ugyldig teikn (NUL, \\u0000). Fjern det og prøv igjen.",
  "common.invalidJson": "Førespurnaden er ikkje gyldig JSON.",
  "common.listChanged": "Lista er endra i mellomtida. Last sida på nytt og prøv igjen.",
  "common.untranslated": "{text}",

  "notFound.object": "Objektet finst ikkje.",
  "notFound.page": "Sida finst ikkje.",
  "notFound.municipality": "Kommunen finst ikkje.",
  "notFound.municipalityNumber": "Kommune {number} finst ikkje.",
  "notFound.userEmail": "Brukaren {email} finst ikkje.",
  "notFound.membership": "Medlemskapen finst ikkje.",
  "notFound.invitation": "Invitasjonen finst ikkje.",
  "notFound.partner": "Samarbeidspartnaren finst ikkje.",
  "notFound.region": "Regionen finst ikkje.",
  "notFound.coordinator": "Koordinatoren finst ikkje.",
  "notFound.plan": "Planen finst ikkje.",
  "notFound.goal": "Målet finst ikkje.",
  "notFound.focusArea": "Satsingsområdet finst ikkje.",
  "notFound.objective": "Delmålet finst ikkje.",
  "notFound.cycle": "Rulleringa finst ikkje.",
  "notFound.actionPlan": "Handlingsplanen finst ikkje.",
  "notFound.measure": "Tiltaket finst ikkje.",
  "notFound.sharedMeasure": "Det felles tiltaket finst ikkje.",
  "notFound.milestone": "Milepælen finst ikkje.",
  "notFound.indicator": "Indikatoren finst ikkje.",
  "notFound.proposal": "Innspelet finst ikkje.",
  "notFound.comment": "Kommentaren finst ikkje.",
  "notFound.reportingPeriod": "Rapporteringsperioden finst ikkje.",
  "notFound.statusReport": "Rapporten finst ikkje.",
  "notFound.evaluations": "Evalueringane finst ikkje.",
  "notFound.evaluationRound": "Evalueringsrunden finst ikkje.",
  "notFound.roundMeasure": "Tiltaket i runden finst ikkje.",

  "auth.signInRequired": "Du må logge inn for å gjere dette.",
  "auth.signInToSee": "Du må logge inn for å sjå dette.",
  "auth.signInToPropose": "Du må logge inn for å sende innspel.",
  "auth.signInToSeeNotifications": "Du må logge inn for å sjå varsla dine.",
  "auth.signInToComment": "Du må logge inn for å kommentere.",
  "auth.forbidden": "Du har ikkje tilgang til å gjere dette.",
  "auth.installationAdminsOnly": "Berre administratorane av installasjonen kan gjere dette.",
  "auth.wrongCredentials": "Feil e-postadresse eller passord.",
  "auth.tooManyAttempts": "For mange mislukka innloggingar. Vent {seconds} sekund og prøv igjen.",
  "auth.wrongCurrentPassword": "Det noverande passordet er feil.",
  "auth.crossSiteRequest": "Førespurnader frå andre nettstader blir ikkje godtekne.",
  "auth.csrfToken": "CSRF-token manglar eller er ugyldig. Last sida på nytt og prøv igjen.",
  "auth.userDeactivated": "Brukaren din er deaktivert. Ta kontakt med ein administrator i kommunen.",
  "auth.oidcNotConfigured": "Innlogging med OpenID Connect er ikkje sett opp i denne installasjonen.",
  "auth.oidcNoEmail":
    "Innloggingstenesta oppgav inga e-postadresse for deg, så vi kan ikkje opprette ein brukar. Ta kontakt med ein administrator.",
  "auth.oidcEmailUnverified":
    "Det finst alt ein brukar med denne e-postadressa, men innloggingstenesta har ikkje stadfesta adressa. Ta kontakt med ein administrator.",
  "auth.invalidEmail": "Ugyldig e-postadresse: {email}",

  "member.unknownRole": "Ukjend rolle.",
  "member.changedByOther": "Nokon andre har endra rolla etter at du opna ho.",
  "member.lastAdmin": "Kommunen må ha minst éin administrator.",
  "member.choosePartner": "Vel ein samarbeidspartnar som er registrert i kommunen.",
  "invitation.alreadyMember": "{email} har alt ei rolle i {municipality}.",
  "invitation.signInAs": "Logg inn som {email} først, og opne lenkja igjen.",
  "invitation.wrongPerson":
    "Invitasjonen gjeld {email}, men du er logga inn som ein annan. Logg ut, og opne lenkja igjen.",
  "organisation.numberTaken":
    "Organisasjonsnummeret {number} er alt registrert på ein annan samarbeidspartnar i kommunen.",
  "organisation.changedByOther": "Nokon andre har endra samarbeidspartnaren etter at du opna han.",
  "organisation.inUse":
    "{name} er med i tiltak og kan ikkje slettast. Fjern samarbeidspartnaren frå tiltaka først ({count} tiltak).",

  "region.adminsOnly": "Berre administratorane av installasjonen kan endre regionen.",
  "region.changedByOther": "Nokon andre har endra regionen etter at du opna han. Last sida på nytt.",
  "region.unknownMunicipalities": "Ukjende kommunenummer: {numbers}.",
  "region.noSuchUser":
    "Ingen brukar har denne e-postadressa. Personen må ha ein konto i Planverk før hen kan bli koordinator.",

  "plan.changedByOther": "Nokon andre har endra planen etter at du opna han.",
  "plan.endYearBeforeStart": "Sluttåret kan ikkje vere før startåret.",
  "plan.goalsNotInPlan": "Eitt eller fleire mål finst ikkje i planen.",
  "plan.chooseFocusArea": "Vel satsingsområde.",
  "plan.changed.goal": "Nokon andre har endra målet etter at du opna det.",
  "plan.changed.focusArea": "Nokon andre har endra satsingsområdet etter at du opna det.",
  "plan.changed.objective": "Nokon andre har endra delmålet etter at du opna det.",
  "plan.inUse.goal": "Målet blir brukt av {count} tiltak og kan ikkje slettast. Flytt tiltaka først.",
  "plan.inUse.focusArea":
    "Satsingsområdet blir brukt av {count} tiltak og kan ikkje slettast. Flytt tiltaka først.",
  "plan.inUse.objective": "Delmålet blir brukt av {count} tiltak og kan ikkje slettast. Flytt tiltaka først.",

  "cycle.phase.innspill": "Innspill",
  "cycle.phase.utarbeidelse": "Utarbeidelse",
  "cycle.phase.rammesak": "Rammesak",
  "cycle.phase.tilpasning": "Tilpasning",
  "cycle.phase.vedtak": "Vedtak",
  "cycle.phase.gjennomforing": "Gjennomføring",
  "cycle.phase.evaluering": "Evaluering",
  "cycle.phase.avsluttet": "Avslutta",
  "cycle.changedByOther": "Nokon andre har endra rulleringa i mellomtida.",
  "cycle.cannotAdvance": "Kan ikkje gå til «{phase}»: {problems}",
  "cycle.alreadyRolled": "Rulleringa for {year} finst alt. Ein syklus blir rullert berre éin gong.",
  "cycle.notAdoptedCannotRoll":
    "Handlingsplanen for {year} er ikkje vedteken enno; berre ein vedteken plan kan rullerast.",
  "cycle.phaseEndBeforeStart": "Slutten kan ikkje vere før starten.",
  "cycle.laterCycleExists":
    "Rulleringa for {later} er alt laga; endringar blir gjorde i henne, ikkje som revisjon av {year}.",
  "cycle.revisionOnlyFromAdopted":
    "Ein revisjon kan berre startast frå ein vedteken handlingsplan, og berre éin om gongen.",
  "cycle.noActionPlan": "Rulleringa {year} har ingen handlingsplan.",

  "actionPlan.noneYet": "Planen har ingen handlingsplan enno. Opprett ei rullering først.",
  "actionPlan.adoptedUseRevision":
    "Handlingsplanen for {year} er vedteken og kan ikkje endrast. Endringar blir gjorde som ein revisjon.",
  "actionPlan.adoptedCannotReprioritise":
    "Handlingsplanen for {year} er vedteken og kan ikkje prioriterast om. Endringar blir gjorde som ein revisjon.",
  "actionPlan.noDraftToAdopt": "Det finst ikkje noko utkast å vedta i denne rulleringa.",
  "actionPlan.adoptInDecisionPhase":
    "Handlingsplanen blir vedteken i fasen «Vedtak»; rulleringa er i «{phase}».",
  "actionPlan.cannotAdopt": "Kan ikkje vedta: {problems}",
  "actionPlan.adoptedByOther": "Handlingsplanen vart vedteken av nokon andre i mellomtida.",
  "actionPlan.notInDraft":
    "Ikkje med i utkastet til handlingsplan {year} (lenger): {references}. Lag eit nytt forslag.",
  "actionPlan.mandatoryCannotBeLeftOut":
    "Obligatoriske tiltak kan ikkje takast ut: {references}. Fjern markeringa først.",
  "actionPlan.priorityInvalid": "Prioriteten er eit heilt tal, 0 eller meir.",
  "frame.areaExists": "Rammeområdet «{name}» finst alt.",
  "frame.sourceExists": "Finansieringskjelda «{name}» finst alt.",
  "frame.changedByOther": "Nokon andre har endra ramma i mellomtida.",

  "measure.notInActionPlan": "Tiltaket er ikkje med i handlingsplanen for {year}.",
  "measure.changedByOther": "Nokon andre har endra tiltaket etter at du opna det.",
  "measure.statusChangedByOther": "Nokon andre har oppdatert status etter at du opna han.",
  "measure.adoptedCannotDelete":
    "{reference} er med i ein vedteken handlingsplan og kan ikkje slettast. Set status til «stoppa» i staden.",
  "measure.notMarkedForReview": "Tiltaket er ikkje merkt «må vurderast».",
  "measure.spendingSourceInvalid": "Kvar finansieringskjelde må vere kommunen si eiga og stå berre éin gong.",
  "measure.spendingAmountInvalid": "Forbruk er heile kroner, 0 eller meir.",
  "measure.milestoneChangedByOther": "Nokon andre har endra milepælen etter at du opna han.",
  "measure.shareOwnMunicipality": "Kommunen eig tiltaket sjølv og kan ikkje inviterast til det.",
  "measure.shareNotInRegion":
    "Kommunen er ikkje i same region, eller brukar ikkje Planverk. Berre kommunar i regionen kan inviterast.",
  "measure.shareAlreadyInvited": "{municipality} er alt invitert til eller med i tiltaket.",
  "measure.shareOnlySelfCanLeave":
    "{municipality} er med i tiltaket. Berre {municipality} sjølv kan melde seg ut.",
  "measure.participationChangedByOther":
    "Nokon andre har endra deltakinga etter at du opna ho. Last sida på nytt.",
  "measure.participationArea": "Vel eitt av rammeområda til kommunen.",
  "measure.participationShareTooLarge":
    "Delen er for stor: dei andre kommunane har til saman {others} %, så {municipality} kan ha høgst {max} %.",

  "proposal.changedByOther": "Innspelet er endra etter at du opna det. Last sida på nytt.",
  "proposal.alreadyDecided": "Innspelet er alt {outcome}.",
  "proposal.outcome.accepted": "teke inn",
  "proposal.outcome.rejected": "avslått",
  "proposal.outcome.deferred": "utsett",
  "proposal.chooseMeasure": "Vel eit tiltak i handlingsplanen til kommunen.",
  "proposal.notAcceptingNow":
    "Handlingsplanen for {year} tek ikkje imot innspel no. Innspel blir sende i innspelsfasen.",
  "proposal.accountWithoutPartner":
    "Kontoen din er ikkje knytt til ein samarbeidspartnar. Be kommunen knyte deg til organisasjonen din.",
  "proposal.publishAfterAdoption": "Innspela kan publiserast når handlingsplanen for {year} er vedteken.",
  "comment.targetRequired": "Oppgi eit innspel (proposal) eller eit tiltak (measure).",
  "comment.visibilityNotAllowed": "Du kan ikkje velje denne synlegheita.",
  "comment.editWindow": "Berre den som skreiv kommentaren kan endre han, og berre dei første 15 minutta.",
  "comment.changedByOther": "Kommentaren er endra etter at du opna han.",
  "comment.alreadyRemoved": "Kommentaren er alt fjerna.",

  "statusReport.changedByOther": "Rapporten er endra etter at du opna han. Last sida på nytt.",
  "statusReport.none": "Ingen rapport.",
  "statusReport.commentRequired": "Skriv kva tiltakseigaren må rette.",
  "reportingPeriod.changedByOther": "Nokon andre har endra perioden etter at du opna han.",
  "reportingPeriod.invalidTransition":
    "Ein periode blir opna, avslutta eller opna igjen; han kan ikkje gå tilbake til planlagd.",
  "reportingPeriod.dueBeforeDate": "Fristen kan ikkje vere før datoen rapporten gjeld.",
  "reportingPeriod.notOpenYet": "Rapporteringsperioden er ikkje opna enno.",
  "reportingPeriod.closed": "Rapporteringsperioden er avslutta.",

  "evaluation.roundClosedSetup": "Runden er lukka. Opne han igjen for å endre oppsettet.",
  "evaluation.roundChangedByOther": "Nokon andre har endra runden i mellomtida. Last sida på nytt.",
  "evaluation.roundClosedAnswers": "Runden er lukka, og svara kan ikkje endrast lenger.",
  "evaluation.deadlinePassed": "Fristen ({deadline}) er passert, og svara kan ikkje endrast lenger.",
  "evaluation.answerChangedElsewhere": "Svaret er endra i eit anna vindauge. Last sida på nytt.",
  "evaluation.alreadyClosed": "Runden er alt lukka.",
  "evaluation.alreadyOpen": "Runden er alt open.",
  "evaluation.closeBeforePublish": "Lukk runden før du publiserer samandraget.",
  "evaluation.alreadyPublished": "Samandraget er alt publisert.",
  "evaluation.publishAfterAdoption":
    "Samandraget kan publiserast når handlingsplanen for rulleringa er vedteken.",
  "evaluation.notPublished": "Samandraget er ikkje publisert.",
  "evaluation.selfAssessmentClosed": "Runden er lukka, og eigenvurderinga kan ikkje endrast lenger.",
  "evaluation.selfAssessmentChangedByOther": "Eigenvurderinga er endra av nokon andre. Last sida på nytt.",

  "indicator.changedByOther": "Nokon andre har endra indikatoren i mellomtida.",
  "indicator.targetChangedByOther": "Nokon andre har endra målverdien for {year} i mellomtida.",
  "indicator.fileTooLarge":
    "Fila er større enn {megabytes} MB; vel eit mindre utval i tabellen og last henne ned på nytt.",
  "indicator.importNotSaved": "Importen vart ikkje lagra: {problems}",
  "indicator.sendAsJson":
    "Førespurnaden må sendast som JSON (Content-Type: application/json), med teksten i fila i «source.text».",
  "indicator.notATextFile":
    "Fila ser ikkje ut som ei tekstfil (JSON-stat eller CSV); ho kan vere eit bilete, ein PDF eller eit rekneark. Last ned tabellen som JSON-stat eller CSV og prøv igjen.",
  "statistics.invalidUrl": "Adressa er ikkje ein gyldig URL.",
  "statistics.httpOnly": "Berre adresser som byrjar med http:// eller https:// kan hentast.",
  "statistics.timeout": "Tenesta svarte ikkje innan {seconds} sekund.",
  "statistics.fetchFailed": "Kunne ikkje hente {host}: {reason}.",
  "statistics.unknownError": "ukjend feil",
  "statistics.httpError": "Tenesta svarte med feil {status} {statusText}.",
  "statistics.tooLarge": "Fila er større enn {megabytes} MB; vel eit mindre utval i tabellen.",

  "import.chooseFile": "Vel eit Excel-rekneark (.xlsx) å importere.",
  "import.sheetHasProblems": "Reknearket har {count} feil; ingenting er lagra.",
  "import.changedSincePreview":
    "Handlingsplanen er endra etter førehandsvisinga. Last opp fila på nytt og sjå over endringane.",
  "import.rowFailed": "Rad {row}: {problem} Ingenting er lagra.",
  "import.fileIsOther": "Fila er {what}, ikkje eit Excel-rekneark (.xlsx). Vel reknearket med tiltaka.",
  "import.what.pdf": "ei PDF-fil",
  "import.what.image": "eit bilete",
  "import.what.oldOffice": "eit gammalt Excel- eller Word-format (.xls/.doc)",
  "import.notXlsx":
    "Fila er ikkje eit Excel-rekneark (.xlsx). Er det ei CSV- eller tekstfil, opne henne i Excel og lagre henne som .xlsx.",
  "import.unpacksTooLarge":
    "Fila blir pakka ut til meir enn {megabytes} MB, eller er skadd; ho kan ikkje importerast.",
  "import.damaged":
    "Fila er skadd eller ikkje eit Excel-rekneark (.xlsx); ho kan ikkje lesast. Lagre reknearket på nytt som .xlsx.",
  "import.tooManyParts":
    "Fila består av {count} delar; eit Excel-rekneark har sjeldan meir enn nokre få dusin. Ho kan ikkje importerast.",
  "import.invalidPartName":
    "Fila inneheld ein del med eit ugyldig namn («{name}»); ho kan ikkje importerast. Lagre reknearket på nytt som .xlsx.",
  "import.isWord":
    "Fila er eit Word-dokument (.docx), ikkje eit Excel-rekneark (.xlsx). Vel reknearket med tiltaka.",
  "import.isPowerPoint": "Fila er ein PowerPoint-presentasjon, ikkje eit Excel-rekneark (.xlsx).",
  "import.zipNotXlsx":
    "Fila er eit zip-arkiv, men ikkje eit Excel-rekneark (.xlsx). Lagre reknearket som .xlsx i Excel og prøv igjen.",
  "import.unusualCompression":
    "Fila er pakka på ein måte Excel ikkje brukar; lagre reknearket på nytt som .xlsx.",
  "import.tooManyRows":
    "Reknearket har {rows} rader i eitt ark; importen tek høgst {max}. Slett det som ikkje er tiltak og prøv igjen.",
  "import.tooManyCells":
    "Reknearket har {cells} celler; importen tek høgst {max}. Slett ark og kolonnar som ikkje er tiltak og prøv igjen.",
  "import.macros":
    "Fila inneheld makroar (.xlsm). Av tryggleiksomsyn blir berre vanlege rekneark importerte: lagre henne som «Excel-arbeidsbok (.xlsx)» og prøv igjen.",
  "import.sendFileItself": "Send Excel-reknearket (.xlsx) som fila sjølv, med Content-Type {contentType}.",
  "import.fileTooLarge": "Fila er større enn {megabytes} MB.",
  "import.unreadable": "Fila kan ikkje lesast som eit Excel-rekneark (.xlsx); ho kan vere skadd.",
  "import.noSheets": "Reknearket har ingen ark.",
  "import.sheetTooLong":
    "Arket «{sheet}» går ned til rad {rows}; importen tek høgst {max} rader. Slett tomme rader under tiltaka og prøv igjen.",
  "import.sheetTooWide":
    "Arket «{sheet}» har innhald i kolonne {columns}; importen tek høgst {max} kolonnar. Slett tomme kolonnar til høgre for tiltaka og prøv igjen.",

  "backup.municipalityMissing": "Fann ikkje kommune {number}.",
  "backup.databaseNotEmpty":
    "Databasen er ikkje tom (han har brukarar, planar eller logg). Gjenoppretting blir gjord inn i ein tom database.",
  "backup.notABackup": "Fila er ikkje ein Planverk-tryggingskopi (feil format eller versjon).",
  "backup.unknownTable": "Ukjend tabell i tryggingskopien: {name}.",
  "backup.empty": "Tryggingskopien er tom.",

  "cli.createAdminNeedsEmailAndName": "create-admin treng --email og --name.",
  "cli.needsFile": "{command} treng --file.",
  "cli.resetPasswordNeedsEmail": "reset-password treng --email.",

  // The year model: which action plan a view shows.
  "yearModel.noActionPlan": "Handlingsplan {year} finst ikkje.",
  "yearModel.measureNotInYear": "Tiltaket er ikkje med i handlingsplan {year}.",
  // Taken out of the draft, put back, undo prioritisation.
  "removal.adopted":
    "Handlingsplan {year} er vedteken. Det som vart teke ut, blir vist som historikk og kan ikkje setjast inn att.",
  "removal.notInDraft": "Tiltaket {reference} er ikkje med i utkastet til handlingsplan.",
  "removal.reasonRequired": "Skriv kvifor tiltaket blir teke ut av forslaget.",
  "removal.notTakenOut": "Tiltaket {reference} er ikkje teke ut av utkastet, og kan ikkje setjast inn att.",
  "removal.alreadyInDraft": "Tiltaket {reference} er alt med i utkastet.",
  "removal.focusAreaGone":
    "{reference} {title} kan ikkje setjast inn att: satsingsområdet det høyrde til, finst ikkje lenger. Opprett tiltaket på nytt under eit anna satsingsområde.",
  "removal.goalGone":
    "{reference} {title} kan ikkje setjast inn att: eit mål eller delmål det høyrde til, finst ikkje lenger.",
  "removal.partnerGone":
    "{reference} {title} kan ikkje setjast inn att: ein partnar i tiltaket er ikkje lenger registrert i kommunen.",
  "removal.fundingSourceGone":
    "{reference} {title} kan ikkje setjast inn att: ei finansieringskjelde i tiltaket finst ikkje lenger.",
  "removal.nothingToUndo": "Inga prioritering å angre i utkastet til handlingsplan {year}.",
  // Confirmations, corrections, warnings, anonymity.
  "consequence.adoptLocks": "Handlingsplan {year} blir låst.",
  "consequence.adoptUndecided": "{count} innspel er ikkje behandla.",
  "consequence.rollCreatesDraft": "Eit utkast for {next} blir oppretta; vedteken {year} blir vist som før.",
  "consequence.rollBeyondPeriod":
    "Planperioden {start}–{end} sluttar før {next}. Forleng planperioden, eller merk planen for revisjon.",
  "consequence.advancePhase": "Rulleringa går frå «{from}» til «{to}».",
  "consequence.advanceClosesProposals": "Innspel kan ikkje lenger sendast inn.",
  "consequence.stepBackPhase": "Rulleringa går tilbake frå «{from}» til «{to}».",
  "consequence.stepBackOpensProposals": "Innspel kan sendast inn igjen.",
  "consequence.closeRound": "Panelet kan ikkje lenger svare.",
  "consequence.closeFewAnswers": "Berre {answered} av {panel} har svart.",
  "consequence.reopenRound": "Panelet kan svare igjen fram til fristen.",
  "consequence.reopenUnpublishes": "Det publiserte samandraget blir trekt tilbake.",
  "consequence.publishRound": "Samandraget blir offentleg.",
  "consequence.publishRule": "Grupper med færre enn {minimum} svar blir ikkje viste.",
  "consequence.publishHidden": "Desse gruppene har færre enn {minimum} svar og blir ikkje viste: {groups}.",
  "consequence.unpublishRound": "Samandraget er ikkje lenger offentleg.",
  "evaluation.anonymityRule":
    "Samandraget viser aldri ei gruppe (ein sektor eller heile panelet) med færre enn {minimum} svar, heller ikkje ei som kan reknast ut av dei andre.",
  "evaluation.sector.business": "næringsliv",
  "evaluation.sector.academia": "akademia",
  "evaluation.sector.municipality": "kommunen",
  "evaluation.sector.other": "andre",
  "cycle.cannotStepBack.first_phase": "Rulleringa er i første fase og kan ikkje gå tilbake.",
  "cycle.cannotStepBack.adopted": "Handlingsplanen er vedteken; rulleringa kan ikkje gå tilbake.",
  "cycle.cannotStepBack.after_decision": "Rulleringa kan berre gå tilbake fram til og med «Vedtak».",
  "actionPlan.correctOnlyAdopted":
    "Berre eit registrert vedtak kan rettast; versjon {revision} er ikkje vedteken.",
  "actionPlan.correctNothing": "Ingenting er endra i vedtaket.",
  "actionPlan.correctChangedByOther": "Vedtaket er endra av nokon andre i mellomtida. Last sida på nytt.",
  // Passwords, throttling and fetching by URL.
  "statistics.httpsOnly": "Berre adresser som byrjar med https:// kan hentast.",
  "statistics.hostNotAllowed": "Tenaren hentar berre frå desse statistikktenestene: {hosts}.",
  "statistics.addressRefused":
    "Adressa peikar ikkje til ei offentleg teneste på Internett, og kan ikkje hentast.",
  "statistics.fetchUnavailable": "Kunne ikkje hente adressa. Sjekk at ho er rett, og prøv igjen seinare.",
  "statistics.tooManyRedirects": "Adressa vidaresender for mange gonger (høgst {max}).",
  "statistics.httpStatus": "Tenesta svarte med feil {status}.",
  // Real-world data: statistics, spreadsheets, money and the API contract.
  "notFound.indicatorImport": "Importen finst ikkje.",
  "indicator.importAlreadyCurrent": "Denne importen er alt den gjeldande.",
  "common.invalidField": "Feil i «{field}»: {problem}",
  "common.invalidFieldMore": "Feil i «{field}»: {problem} (og {more} feil til, sjå details)",
  "request.emptyJson": "Førespurnaden seier at han er JSON (Content-Type: application/json), men er tom.",
  "request.tooLarge": "Førespurnaden er for stor.",
  "request.unsupportedMediaType":
    "Innhaldstypen «{contentType}» er ikkje støtta her; send JSON (Content-Type: application/json).",
  "request.invalid": "Førespurnaden kan ikkje handsamast ({code}).",
  "validation.required": "Manglar.",
  "validation.notNumber": "Må vere eit tal.",
  "validation.notInteger": "Må vere eit heilt tal.",
  "validation.notText": "Må vere ein tekst.",
  "validation.notBoolean": "Må vere true eller false.",
  "validation.notObject": "Må vere eit objekt.",
  "validation.notList": "Må vere ei liste.",
  "validation.wrongType": "Har feil type (venta {expected}).",
  "validation.tooShort": "Må ha minst {minimum} teikn.",
  "validation.tooFewItems": "Må ha minst {minimum} element.",
  "validation.tooSmall": "Må vere minst {minimum}.",
  "validation.tooLong": "Kan ha høgst {maximum} teikn.",
  "validation.tooManyItems": "Kan ha høgst {maximum} element.",
  "validation.tooBig": "Kan vere høgst {maximum}.",
  "validation.oneOf": "Må vere ein av: {values}.",
  "validation.notUuid": "Må vere ein UUID.",
  "validation.notEmail": "Må vere ei e-postadresse.",
  "validation.notDate": "Må vere ein dato (ÅÅÅÅ-MM-DD).",
  "validation.notDateTime": "Må vere eit tidspunkt (ISO 8601).",
  "validation.notUrl": "Må vere ei adresse (URL).",
  "validation.invalidFormat": "Har ugyldig format ({format}).",
  "validation.unknownFields": "Ukjende felt: {keys}.",
  "validation.invalid": "Ugyldig verdi.",
  // Sessions («Mine økter»)
  "notFound.session": "Økta finst ikkje.",
  // Second factor (TOTP) and session devices
  "auth.secondFactorAlreadyOn": "Totrinnsinnlogging er alt slått på.",
  "auth.secondFactorNotStarted": "Start oppsettet av totrinnsinnlogging først.",
  "auth.secondFactorNotOn": "Totrinnsinnlogging er ikkje slått på.",
  "auth.wrongSecondFactorCode":
    "Koden stemmer ikkje. Skriv inn koden appen viser no, eller ein gjenopprettingskode.",
  "auth.secondFactorProofWrong": "Koden eller passordet stemmer ikkje.",
  "auth.secondFactorStepExpired": "Innlogginga tok for lang tid. Logg inn med passordet på nytt.",
  "auth.secondFactorSetupRequired":
    "Du må slå på totrinnsinnlogging før du kan bruke Planverk. Gå til Min konto.",
  // Plans, audit trail and invitations (everyday work package)
  "invitation.alreadyUsed": "Invitasjonen til {email} er alt brukt og kan ikkje trekkjast tilbake.",
  "invitation.alreadyWithdrawn": "Invitasjonen til {email} er alt trekt tilbake.",
  // Paging (cursor paging of lists)
  "paging.badCursor": "Feil i «cursor»: Sidepeikaren er ugyldig. Hent første sida på nytt utan cursor.",
  // Background jobs: reminders, indicator refresh, the job queue
  "indicator.refreshNeedsAddress": "Berre indikatorar importerte frå ei adresse kan hentast på nytt.",
  "indicator.refreshNoAddress": "Indikatoren har inga adresse å hente frå.",
  "indicator.refreshMappingFailed": "Tabellen på adressa passar ikkje lenger med oppsettet frå importen.",
  "indicator.refreshFailed": "Hentinga feila.",
  "jobs.notRunning": "Bakgrunnsjobbane køyrer ikkje på denne instansen.",
  "notFound.job": "Jobben finst ikkje, eller han har ikkje feila.",
};

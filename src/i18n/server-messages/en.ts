import type { ServerMessages } from "./index.ts";

/** The server's messages in English. */
export const en: ServerMessages = {
  "common.invalidRequest": "Invalid request.",
  "common.internal": "Something went wrong on our side. Please try again later.",
  "common.unknownAddress": "Unknown address: {method} {url}",
  "common.nulCharacter": "The text contains an invalid character (NUL, \\u0000). Remove it and try again.",
  "common.invalidJson": "The request is not valid JSON.",
  "common.listChanged": "The list has changed in the meantime. Reload the page and try again.",
  "common.untranslated": "{text}",

  "notFound.object": "The object does not exist.",
  "notFound.page": "The page does not exist.",
  "notFound.municipality": "The municipality does not exist.",
  "notFound.municipalityNumber": "Municipality {number} does not exist.",
  "notFound.userEmail": "The user {email} does not exist.",
  "notFound.membership": "The membership does not exist.",
  "notFound.invitation": "The invitation does not exist.",
  "notFound.partner": "The partner does not exist.",
  "notFound.region": "The region does not exist.",
  "notFound.coordinator": "The coordinator does not exist.",
  "notFound.plan": "The plan does not exist.",
  "notFound.goal": "The goal does not exist.",
  "notFound.focusArea": "The focus area does not exist.",
  "notFound.objective": "The objective does not exist.",
  "notFound.cycle": "The planning cycle does not exist.",
  "notFound.actionPlan": "The action plan does not exist.",
  "notFound.measure": "The measure does not exist.",
  "notFound.sharedMeasure": "The shared measure does not exist.",
  "notFound.milestone": "The milestone does not exist.",
  "notFound.indicator": "The indicator does not exist.",
  "notFound.proposal": "The proposal does not exist.",
  "notFound.comment": "The comment does not exist.",
  "notFound.reportingPeriod": "The reporting period does not exist.",
  "notFound.statusReport": "The report does not exist.",
  "notFound.evaluations": "The evaluations do not exist.",
  "notFound.evaluationRound": "The evaluation round does not exist.",
  "notFound.roundMeasure": "The measure is not in this round.",

  "auth.signInRequired": "You must sign in to do this.",
  "auth.signInToSee": "You must sign in to see this.",
  "auth.signInToPropose": "You must sign in to send a proposal.",
  "auth.signInToSeeNotifications": "You must sign in to see your notifications.",
  "auth.signInToComment": "You must sign in to comment.",
  "auth.forbidden": "You do not have access to do this.",
  "auth.installationAdminsOnly": "Only the installation's administrators can do this.",
  "auth.wrongCredentials": "Wrong e-mail address or password.",
  "auth.tooManyAttempts": "Too many failed sign-ins. Wait {seconds} seconds and try again.",
  "auth.wrongCurrentPassword": "The current password is wrong.",
  "auth.crossSiteRequest": "Requests from other websites are not accepted.",
  "auth.csrfToken": "Missing or invalid CSRF token. Reload the page and try again.",
  "auth.userDeactivated": "Your user has been deactivated. Contact an administrator in the municipality.",
  "auth.oidcNotConfigured": "Sign-in with OpenID Connect is not set up in this installation.",
  "auth.oidcNoEmail":
    "The sign-in service gave no e-mail address for you, so we cannot create a user. Contact an administrator.",
  "auth.oidcEmailUnverified":
    "A user with this e-mail address already exists, but the sign-in service has not verified the address. Contact an administrator.",
  "auth.invalidEmail": "Invalid e-mail address: {email}",

  "member.unknownRole": "Unknown role.",
  "member.changedByOther": "Someone else changed the role after you opened it.",
  "member.lastAdmin": "The municipality must have at least one administrator.",
  "member.choosePartner": "Choose a partner registered in the municipality.",
  "invitation.alreadyMember": "{email} already has a role in {municipality}.",
  "invitation.signInAs": "Sign in as {email} first, then open the link again.",
  "invitation.wrongPerson":
    "The invitation is for {email}, but you are signed in as someone else. Sign out, then open the link again.",
  "organisation.numberTaken":
    "Organisation number {number} is already registered for another partner in the municipality.",
  "organisation.changedByOther": "Someone else changed the partner after you opened it.",
  "organisation.inUse":
    "{name} takes part in measures and cannot be deleted. Remove the partner from the measures first ({count} measures).",

  "region.adminsOnly": "Only the installation's administrators can change the region.",
  "region.changedByOther": "Someone else changed the region after you opened it. Reload the page.",
  "region.unknownMunicipalities": "Unknown municipality numbers: {numbers}.",
  "region.noSuchUser":
    "No user has this e-mail address. The person needs an account in Planverk before they can become a coordinator.",

  "plan.changedByOther": "Someone else changed the plan after you opened it.",
  "plan.endYearBeforeStart": "The end year cannot be before the start year.",
  "plan.goalsNotInPlan": "One or more goals are not in the plan.",
  "plan.chooseFocusArea": "Choose a focus area.",
  "plan.changed.goal": "Someone else changed the goal after you opened it.",
  "plan.changed.focusArea": "Someone else changed the focus area after you opened it.",
  "plan.changed.objective": "Someone else changed the objective after you opened it.",
  "plan.inUse.goal": "The goal is used by {count} measures and cannot be deleted. Move the measures first.",
  "plan.inUse.focusArea":
    "The focus area is used by {count} measures and cannot be deleted. Move the measures first.",
  "plan.inUse.objective":
    "The objective is used by {count} measures and cannot be deleted. Move the measures first.",

  "cycle.phase.innspill": "Proposals",
  "cycle.phase.utarbeidelse": "Drafting",
  "cycle.phase.rammesak": "Budget frames",
  "cycle.phase.tilpasning": "Fitting to frames",
  "cycle.phase.vedtak": "Adoption",
  "cycle.phase.gjennomforing": "Implementation",
  "cycle.phase.evaluering": "Evaluation",
  "cycle.phase.avsluttet": "Closed",
  "cycle.changedByOther": "Someone else changed the planning cycle in the meantime.",
  "cycle.cannotAdvance": "Cannot move to «{phase}»: {problems}",
  "cycle.alreadyRolled": "The planning cycle for {year} already exists. A cycle is rolled over only once.",
  "cycle.notAdoptedCannotRoll":
    "The action plan for {year} has not been adopted yet; only an adopted plan can be rolled over.",
  "cycle.phaseEndBeforeStart": "The end cannot be before the start.",
  "cycle.laterCycleExists":
    "The planning cycle for {later} has already been made; make changes there, not as a revision of {year}.",
  "cycle.revisionOnlyFromAdopted":
    "A revision can only be started from an adopted action plan, and only one at a time.",
  "cycle.noActionPlan": "The planning cycle {year} has no action plan.",

  "actionPlan.noneYet": "The plan has no action plan yet. Create a planning cycle first.",
  "actionPlan.adoptedUseRevision":
    "The action plan for {year} has been adopted and cannot be changed. Changes are made as a revision.",
  "actionPlan.adoptedCannotReprioritise":
    "The action plan for {year} has been adopted and cannot be reprioritised. Changes are made as a revision.",
  "actionPlan.noDraftToAdopt": "There is no draft to adopt in this planning cycle.",
  "actionPlan.adoptInDecisionPhase":
    "The action plan is adopted in the «Adoption» phase; the planning cycle is in «{phase}».",
  "actionPlan.cannotAdopt": "Cannot adopt: {problems}",
  "actionPlan.adoptedByOther": "Someone else adopted the action plan in the meantime.",
  "actionPlan.notInDraft": "No longer in the draft action plan {year}: {references}. Make a new suggestion.",
  "actionPlan.mandatoryCannotBeLeftOut":
    "Mandatory measures cannot be left out: {references}. Remove the marking first.",
  "actionPlan.priorityInvalid": "The priority is a whole number, 0 or more.",
  "frame.areaExists": "The budget area «{name}» already exists.",
  "frame.sourceExists": "The funding source «{name}» already exists.",
  "frame.changedByOther": "Someone else changed the budget frame in the meantime.",

  "measure.notInActionPlan": "The measure is not in the action plan for {year}.",
  "measure.changedByOther": "Someone else changed the measure after you opened it.",
  "measure.statusChangedByOther": "Someone else updated the status after you opened it.",
  "measure.adoptedCannotDelete":
    "{reference} is in an adopted action plan and cannot be deleted. Set its status to «stopped» instead.",
  "measure.notMarkedForReview": "The measure is not marked «needs review».",
  "measure.spendingSourceInvalid": "Each funding source must be the municipality's own and appear only once.",
  "measure.spendingAmountInvalid": "Spending is whole kroner, 0 or more.",
  "measure.milestoneChangedByOther": "Someone else changed the milestone after you opened it.",
  "measure.shareOwnMunicipality": "The municipality owns the measure itself and cannot be invited to it.",
  "measure.shareNotInRegion":
    "The municipality is not in the same region, or does not use Planverk. Only municipalities in the region can be invited.",
  "measure.shareAlreadyInvited": "{municipality} is already invited to or part of the measure.",
  "measure.shareOnlySelfCanLeave":
    "{municipality} is part of the measure. Only {municipality} itself can leave.",
  "measure.participationChangedByOther":
    "Someone else changed the participation after you opened it. Reload the page.",
  "measure.participationArea": "Choose one of the municipality's own budget areas.",
  "measure.participationShareTooLarge":
    "The share is too large: the other municipalities have {others} % together, so {municipality} can have at most {max} %.",

  "proposal.changedByOther": "The proposal was changed after you opened it. Reload the page.",
  "proposal.alreadyDecided": "The proposal has already been {outcome}.",
  "proposal.outcome.accepted": "accepted",
  "proposal.outcome.rejected": "rejected",
  "proposal.outcome.deferred": "deferred",
  "proposal.chooseMeasure": "Choose a measure in the municipality's action plan.",
  "proposal.notAcceptingNow":
    "The action plan for {year} is not taking proposals now. Proposals are sent in the proposal phase.",
  "proposal.accountWithoutPartner":
    "Your account is not linked to a partner. Ask the municipality to link you to your organisation.",
  "proposal.publishAfterAdoption":
    "The proposals can be published once the action plan for {year} is adopted.",
  "comment.targetRequired": "Give a proposal (proposal) or a measure (measure).",
  "comment.visibilityNotAllowed": "You cannot choose this visibility.",
  "comment.editWindow": "Only the author of the comment can change it, and only for the first 15 minutes.",
  "comment.changedByOther": "The comment was changed after you opened it.",
  "comment.alreadyRemoved": "The comment has already been removed.",

  "statusReport.changedByOther": "The report was changed after you opened it. Reload the page.",
  "statusReport.none": "No report.",
  "statusReport.commentRequired": "Write what the measure owner must correct.",
  "reportingPeriod.changedByOther": "Someone else changed the period after you opened it.",
  "reportingPeriod.invalidTransition":
    "A period is opened, closed or reopened; it cannot go back to planned.",
  "reportingPeriod.dueBeforeDate": "The deadline cannot be before the date the report is for.",
  "reportingPeriod.notOpenYet": "The reporting period has not been opened yet.",
  "reportingPeriod.closed": "The reporting period is closed.",

  "evaluation.roundClosedSetup": "The round is closed. Reopen it to change the setup.",
  "evaluation.roundChangedByOther": "Someone else changed the round in the meantime. Reload the page.",
  "evaluation.roundClosedAnswers": "The round is closed, and the answers can no longer be changed.",
  "evaluation.deadlinePassed":
    "The deadline ({deadline}) has passed, and the answers can no longer be changed.",
  "evaluation.answerChangedElsewhere": "The answer was changed in another window. Reload the page.",
  "evaluation.alreadyClosed": "The round is already closed.",
  "evaluation.alreadyOpen": "The round is already open.",
  "evaluation.closeBeforePublish": "Close the round before you publish the summary.",
  "evaluation.alreadyPublished": "The summary is already published.",
  "evaluation.publishAfterAdoption":
    "The summary can be published once the action plan for the planning cycle is adopted.",
  "evaluation.notPublished": "The summary is not published.",
  "evaluation.selfAssessmentClosed": "The round is closed, and the self-assessment can no longer be changed.",
  "evaluation.selfAssessmentChangedByOther": "Someone else changed the self-assessment. Reload the page.",

  "indicator.changedByOther": "Someone else changed the indicator in the meantime.",
  "indicator.targetChangedByOther": "Someone else changed the target value for {year} in the meantime.",
  "indicator.fileTooLarge":
    "The file is larger than {megabytes} MB; choose a smaller selection in the table and download it again.",
  "indicator.importNotSaved": "The import was not saved: {problems}",
  "indicator.sendAsJson":
    "The request must be sent as JSON (Content-Type: application/json), with the file's text in «source.text».",
  "indicator.notATextFile":
    "The file does not look like a text file (JSON-stat or CSV); it may be an image, a PDF or a spreadsheet. Download the table as JSON-stat or CSV and try again.",
  "statistics.invalidUrl": "The address is not a valid URL.",
  "statistics.httpOnly": "Only addresses starting with http:// or https:// can be fetched.",
  "statistics.timeout": "The service did not answer within {seconds} seconds.",
  "statistics.fetchFailed": "Could not fetch {host}: {reason}.",
  "statistics.unknownError": "unknown error",
  "statistics.httpError": "The service answered with error {status} {statusText}.",
  "statistics.tooLarge": "The file is larger than {megabytes} MB; choose a smaller selection in the table.",

  "import.chooseFile": "Choose an Excel spreadsheet (.xlsx) to import.",
  "import.sheetHasProblems": "The spreadsheet has {count} errors; nothing has been saved.",
  "import.changedSincePreview":
    "The action plan has changed since the preview. Upload the file again and review the changes.",
  "import.rowFailed": "Row {row}: {problem} Nothing has been saved.",
  "import.fileIsOther":
    "The file is {what}, not an Excel spreadsheet (.xlsx). Choose the spreadsheet with the measures.",
  "import.what.pdf": "a PDF file",
  "import.what.image": "an image",
  "import.what.oldOffice": "an old Excel or Word format (.xls/.doc)",
  "import.notXlsx":
    "The file is not an Excel spreadsheet (.xlsx). If it is a CSV or text file, open it in Excel and save it as .xlsx.",
  "import.unpacksTooLarge":
    "The file unpacks to more than {megabytes} MB, or is damaged; it cannot be imported.",
  "import.damaged":
    "The file is damaged or not an Excel spreadsheet (.xlsx); it cannot be read. Save the spreadsheet again as .xlsx.",
  "import.tooManyParts":
    "The file consists of {count} parts; an Excel spreadsheet rarely has more than a few dozen. It cannot be imported.",
  "import.invalidPartName":
    "The file contains a part with an invalid name («{name}»); it cannot be imported. Save the spreadsheet again as .xlsx.",
  "import.isWord":
    "The file is a Word document (.docx), not an Excel spreadsheet (.xlsx). Choose the spreadsheet with the measures.",
  "import.isPowerPoint": "The file is a PowerPoint presentation, not an Excel spreadsheet (.xlsx).",
  "import.zipNotXlsx":
    "The file is a zip archive, but not an Excel spreadsheet (.xlsx). Save the spreadsheet as .xlsx in Excel and try again.",
  "import.unusualCompression":
    "The file is compressed in a way Excel does not use; save the spreadsheet again as .xlsx.",
  "import.tooManyRows":
    "The spreadsheet has {rows} rows in one sheet; the import takes at most {max}. Delete what is not measures and try again.",
  "import.tooManyCells":
    "The spreadsheet has {cells} cells; the import takes at most {max}. Delete sheets and columns that are not measures and try again.",
  "import.macros":
    "The file contains macros (.xlsm). For security only plain spreadsheets are imported: save it as «Excel Workbook (.xlsx)» and try again.",
  "import.sendFileItself":
    "Send the Excel spreadsheet (.xlsx) as the file itself, with Content-Type {contentType}.",
  "import.fileTooLarge": "The file is larger than {megabytes} MB.",
  "import.unreadable": "The file cannot be read as an Excel spreadsheet (.xlsx); it may be damaged.",
  "import.noSheets": "The spreadsheet has no sheets.",
  "import.sheetTooLong":
    "The sheet «{sheet}» goes down to row {rows}; the import takes at most {max} rows. Delete empty rows below the measures and try again.",
  "import.sheetTooWide":
    "The sheet «{sheet}» has content in column {columns}; the import takes at most {max} columns. Delete empty columns to the right of the measures and try again.",

  "backup.municipalityMissing": "Could not find municipality {number}.",
  "backup.databaseNotEmpty":
    "The database is not empty (it has users, plans or log entries). A restore is made into an empty database.",
  "backup.notABackup": "The file is not a Planverk backup (wrong format or version).",
  "backup.unknownTable": "Unknown table in the backup: {name}.",
  "backup.empty": "The backup is empty.",

  "cli.createAdminNeedsEmailAndName": "create-admin needs --email and --name.",
  "cli.needsFile": "{command} needs --file.",
  "cli.resetPasswordNeedsEmail": "reset-password needs --email.",

  // The year model: which action plan a view shows.
  "yearModel.noActionPlan": "Action plan {year} does not exist.",
  "yearModel.measureNotInYear": "The measure is not part of action plan {year}.",
  // Taken out of the draft, put back, undo prioritisation.
  "removal.adopted":
    "Action plan {year} has been adopted. What was taken out is shown as history and cannot be put back.",
  "removal.notInDraft": "Measure {reference} is not in the draft action plan.",
  "removal.reasonRequired": "Say why the measure is taken out of the draft.",
  "removal.notTakenOut": "Measure {reference} has not been taken out of the draft, so it cannot be put back.",
  "removal.alreadyInDraft": "Measure {reference} is already in the draft.",
  "removal.focusAreaGone":
    "{reference} {title} cannot be put back: the focus area it belonged to no longer exists. Create the measure again under another focus area.",
  "removal.goalGone":
    "{reference} {title} cannot be put back: a goal or objective it served no longer exists.",
  "removal.partnerGone":
    "{reference} {title} cannot be put back: a partner in the measure is no longer registered in the municipality.",
  "removal.fundingSourceGone":
    "{reference} {title} cannot be put back: a funding source of the measure no longer exists.",
  "removal.nothingToUndo": "There is no prioritisation to undo in the draft of action plan {year}.",
  // Confirmations, corrections, warnings, anonymity.
  "consequence.adoptLocks": "Action plan {year} will be locked.",
  "consequence.adoptUndecided": "{count} proposals have not been decided.",
  "consequence.rollCreatesDraft": "A draft for {next} is created; the adopted {year} is shown as before.",
  "consequence.rollBeyondPeriod":
    "The plan period {start}–{end} ends before {next}. Extend the plan period, or mark the plan for revision.",
  "consequence.advancePhase": "The cycle moves from «{from}» to «{to}».",
  "consequence.advanceClosesProposals": "Proposals can no longer be submitted.",
  "consequence.stepBackPhase": "The cycle moves back from «{from}» to «{to}».",
  "consequence.stepBackOpensProposals": "Proposals can be submitted again.",
  "consequence.closeRound": "The panel can no longer answer.",
  "consequence.closeFewAnswers": "Only {answered} of {panel} have answered.",
  "consequence.reopenRound": "The panel can answer again until the deadline.",
  "consequence.reopenUnpublishes": "The published summary is withdrawn.",
  "consequence.publishRound": "The summary becomes public.",
  "consequence.publishRule": "Groups with fewer than {minimum} answers are not shown.",
  "consequence.publishHidden": "These groups have fewer than {minimum} answers and are not shown: {groups}.",
  "consequence.unpublishRound": "The summary is no longer public.",
  "evaluation.anonymityRule":
    "The summary never shows a group (a sector, or the whole panel) with fewer than {minimum} answers, nor one that can be worked out from the others.",
  "evaluation.sector.business": "business",
  "evaluation.sector.academia": "academia",
  "evaluation.sector.municipality": "the municipality",
  "evaluation.sector.other": "others",
  "cycle.cannotStepBack.first_phase": "The cycle is in its first phase and cannot move back.",
  "cycle.cannotStepBack.adopted": "The action plan is adopted; the cycle cannot move back.",
  "cycle.cannotStepBack.after_decision": "The cycle can move back only up to and including «Vedtak».",
  "actionPlan.correctOnlyAdopted":
    "Only a recorded decision can be corrected; version {revision} is not adopted.",
  "actionPlan.correctNothing": "Nothing in the decision has changed.",
  "actionPlan.correctChangedByOther": "Someone else has changed the decision meanwhile. Reload the page.",
  // Passwords, throttling and fetching by URL.
  "statistics.httpsOnly": "Only addresses starting with https:// can be fetched.",
  "statistics.hostNotAllowed": "The server fetches only from these statistics services: {hosts}.",
  "statistics.addressRefused":
    "The address does not point to a public service on the internet and cannot be fetched.",
  "statistics.fetchUnavailable": "Could not fetch the address. Check that it is right, and try again later.",
  "statistics.tooManyRedirects": "The address redirects too many times (at most {max}).",
  "statistics.httpStatus": "The service answered with error {status}.",
  // Real-world data: statistics, spreadsheets, money and the API contract.
  "notFound.indicatorImport": "The import does not exist.",
  "indicator.importAlreadyCurrent": "This import is already the current one.",
  "common.invalidField": "Error in «{field}»: {problem}",
  "common.invalidFieldMore": "Error in «{field}»: {problem} (and {more} more, see details)",
  "request.emptyJson": "The request says it is JSON (Content-Type: application/json) but is empty.",
  "request.tooLarge": "The request is too large.",
  "request.unsupportedMediaType":
    "The content type «{contentType}» is not supported here; send JSON (Content-Type: application/json).",
  "request.invalid": "The request cannot be handled ({code}).",
  "validation.required": "Missing.",
  "validation.notNumber": "Must be a number.",
  "validation.notInteger": "Must be a whole number.",
  "validation.notText": "Must be a text.",
  "validation.notBoolean": "Must be true or false.",
  "validation.notObject": "Must be an object.",
  "validation.notList": "Must be a list.",
  "validation.wrongType": "Has the wrong type (expected {expected}).",
  "validation.tooShort": "Must have at least {minimum} characters.",
  "validation.tooFewItems": "Must have at least {minimum} items.",
  "validation.tooSmall": "Must be at least {minimum}.",
  "validation.tooLong": "Can have at most {maximum} characters.",
  "validation.tooManyItems": "Can have at most {maximum} items.",
  "validation.tooBig": "Can be at most {maximum}.",
  "validation.oneOf": "Must be one of: {values}.",
  "validation.notUuid": "Must be a UUID.",
  "validation.notEmail": "Must be an email address.",
  "validation.notDate": "Must be a date (YYYY-MM-DD).",
  "validation.notDateTime": "Must be a point in time (ISO 8601).",
  "validation.notUrl": "Must be an address (URL).",
  "validation.invalidFormat": "Has an invalid format ({format}).",
  "validation.unknownFields": "Unknown fields: {keys}.",
  "validation.invalid": "Invalid value.",
  // Sessions («Mine økter»)
  "notFound.session": "The session does not exist.",
  // Second factor (TOTP) and session devices
  "auth.secondFactorAlreadyOn": "Two-step sign-in is already on.",
  "auth.secondFactorNotStarted": "Start setting up two-step sign-in first.",
  "auth.secondFactorNotOn": "Two-step sign-in is not on.",
  "auth.wrongSecondFactorCode":
    "The code is not right. Enter the code the app shows now, or a recovery code.",
  "auth.secondFactorProofWrong": "The code or password is not right.",
  "auth.secondFactorStepExpired": "Signing in took too long. Sign in with your password again.",
  "auth.secondFactorSetupRequired":
    "You must turn on two-step sign-in before you can use Planverk. Go to My account.",
  // Plans, audit trail and invitations (everyday work package)
  "invitation.alreadyUsed": "The invitation to {email} has already been used and cannot be withdrawn.",
  "invitation.alreadyWithdrawn": "The invitation to {email} has already been withdrawn.",
  // Paging (cursor paging of lists)
  "paging.badCursor":
    "Error in «cursor»: The page cursor is not valid. Fetch the first page again without a cursor.",
  // Background jobs: reminders, indicator refresh, the job queue
  "indicator.refreshNeedsAddress": "Only indicators imported from an address can be fetched again.",
  "indicator.refreshNoAddress": "The indicator has no address to fetch from.",
  "indicator.refreshMappingFailed": "The table at the address no longer fits the import's mapping.",
  "indicator.refreshFailed": "The fetch failed.",
  "jobs.notRunning": "Background jobs are not running on this instance.",
  "notFound.job": "The job does not exist, or it has not failed.",
};

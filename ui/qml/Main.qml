import QtQuick
import QtQuick.Controls
import QtQuick.Window
import "components"

// The one window: status bar on top, a stack of pages below. Navigation goes through
// showPage()/goHome() so tests and `kiosk --screenshots` drive it the same way a tap does.
ApplicationWindow {
    id: window
    objectName: "mainWindow"
    width: shell.screenWidth
    height: shell.screenHeight
    visibility: shell.fullScreen ? Window.FullScreen : Window.Windowed
    flags: Qt.Window | Qt.FramelessWindowHint
    color: Theme.background
    title: qsTr("政务服务自助终端")

    // Page name -> QML file. A page's root carries objectName "<name>Page".
    readonly property var pages: ({
        "home": "pages/HomePage.qml",
        "notReady": "pages/NotReadyPage.qml",
        "outOfService": "pages/OutOfServicePage.qml",
        "guide": "pages/GuideThemesPage.qml",
        "serviceList": "pages/ServiceListPage.qml",
        "guideDetail": "pages/GuideDetailPage.qml",
        "search": "pages/SearchPage.qml",
        "referral": "pages/ReferralPage.qml",
        "idCard": "pages/IdCardPage.qml",
        "staffLogin": "pages/StaffLoginPage.qml",
        "staff": "pages/StaffPage.qml",
        "ticket": "pages/TicketPage.qml",
        "ticketResult": "pages/TicketResultPage.qml",
        "whereToGo": "pages/WhereToGoPage.qml",
        "checkin": "pages/CheckinPage.qml",
        "progress": "pages/ProgressPage.qml",
        "progressCases": "pages/ProgressCasesPage.qml",
        "certificates": "pages/CertificateListPage.qml",
        "certificatePrint": "pages/CertificatePrintPage.qml",
        "faceCheck": "pages/FaceCheckPage.qml",
        "supplement": "pages/SupplementPage.qml",
        "supplementDone": "pages/SupplementDonePage.qml",
        "progressReceipt": "pages/ProgressReceiptPage.qml",
        "progressScan": "pages/ProgressScanPage.qml",
        "consult": "pages/ConsultPage.qml",
        "consultInfo": "pages/ConsultInfoPage.qml",
        "consultAsk": "pages/ConsultAskPage.qml",
        "suggest": "pages/SuggestPage.qml",
        "complain": "pages/ComplainPage.qml",
        "complainForm": "pages/ComplainFormPage.qml",
        "followUpFiled": "pages/FollowUpFiledPage.qml",
        "followUpStatus": "pages/FollowUpStatusPage.qml",
        "apply": "pages/ApplyPage.qml",
        "applyConditions": "pages/ApplyConditionsPage.qml",
        "applyPrincipal": "pages/ApplyPrincipalPage.qml",
        "applyForm": "pages/ApplyFormPage.qml",
        "applyMaterials": "pages/ApplyMaterialsPage.qml",
        "applyScan": "pages/ApplyScanPage.qml",
        "applySign": "pages/ApplySignPage.qml",
        "applyReview": "pages/ApplyReviewPage.qml",
        "applyReceipt": "pages/ApplyReceiptPage.qml",
        "applyAppointment": "pages/ApplyAppointmentPage.qml",
        "evaluate": "pages/EvaluatePage.qml"
    })
    readonly property string currentPage: stack.currentItem ? stack.currentItem.objectName : ""
    // What went wrong on the page on top, told to staff with a call for help (pages that can
    // fail say it in ``assistReason``).
    readonly property string assistReason: stack.currentItem && stack.currentItem.assistReason
                                           ? stack.currentItem.assistReason : ""
    // "form" (the citizen types), "result" (only shows an outcome) or "" (settings' default).
    readonly property string pageIdleKind: stack.currentItem && stack.currentItem.idleKind
                                           ? stack.currentItem.idleKind : ""
    onCurrentPageChanged: {
        if (stack.currentItem && stack.currentItem.voicePrompt)
            voice.say(stack.currentItem.voicePrompt)
    }

    function showPage(name, properties) {
        const file = pages[name]
        if (file === undefined) {
            console.error("unknown page " + name)
            return
        }
        releaseKeyboard()
        if (name === "home")
            stack.clear(StackView.Immediate)
        stack.push(Qt.resolvedUrl(file), properties || {}, StackView.Immediate)
    }

    // Take focus off any text field and close the keyboard before its page goes away: the
    // virtual keyboard must never hold on to a field that is being destroyed.
    function releaseKeyboard() {
        Qt.inputMethod.commit()
        Qt.inputMethod.hide()
        if (window.activeFocusItem)
            window.activeFocusItem.focus = false
        stack.forceActiveFocus()
    }

    // The page on top gives its place to `name` (a step that is done once, like the face
    // check: going back from the next page skips it).
    function replacePage(name, properties) {
        const file = pages[name]
        if (file === undefined) {
            console.error("unknown page " + name)
            return
        }
        releaseKeyboard()
        stack.replace(Qt.resolvedUrl(file), properties || {}, StackView.Immediate)
    }

    function goHome() {
        showPage("home")
    }

    header: StatusBar {}
    footer: Column {
        visible: !window.keyboardUp && !shell.attracting
        IdleNotice { width: parent.width }
        FooterBar { width: parent.width }
    }

    StackView {
        id: stack
        objectName: "pageStack"
        anchors.left: parent.left
        anchors.right: parent.right
        anchors.top: parent.top
        // The keyboard pushes the page up instead of covering the field being edited.
        anchors.bottom: window.keyboardUp ? window.keyboard.top : parent.bottom
    }

    // The idle warning and the attract screen: built the first time they are needed.
    OnDemand {
        wanted: idle.warning
        anchors.fill: parent
        z: 100
        sourceComponent: Component { IdleWarning {} }
    }

    OnDemand {
        wanted: shell.attracting
        anchors.fill: parent
        z: 100
        sourceComponent: Component { AttractScreen {} }
    }

    // The on-screen keyboard costs about as much to build as the home screen itself and no
    // page before the first tap needs it: it is made right after the first frame, on a zero
    // timer so that whatever was queued for that frame (telling systemd the terminal is up,
    // starting the core) goes first. It is made as the window's own child, beside the page
    // stack, exactly as if it had been declared here, from Keyboard.qml by URL (its Qt
    // modules load then, not with this file).
    property Item keyboard: null
    readonly property bool keyboardUp: keyboard !== null && keyboard.active

    Connections {
        target: window
        enabled: window.keyboard === null && !keyboardLater.running
        function onFrameSwapped() { keyboardLater.start() }
    }

    Timer {
        id: keyboardLater
        interval: 0
        onTriggered: {
            if (window.keyboard !== null)
                return
            const component = Qt.createComponent("Keyboard.qml")
            window.keyboard = component.createObject(window.contentItem)
            if (window.keyboard === null)
                console.error("the on-screen keyboard cannot be made: " + component.errorString())
        }
    }

    Component.onCompleted: goHome()

    Connections {
        target: shell
        function onNavigateRequested(name, properties) { window.showPage(name, properties) }
        // A function of the page on top, called by name (scanner input, screenshots, tests).
        function onPageCommand(name, argument) {
            const page = stack.currentItem
            if (page && typeof page[name] === "function")
                page[name](argument)
            else
                console.warn("the current page has no command " + name)
        }
    }

    Connections {
        target: stack.currentItem
        ignoreUnknownSignals: true
        function onNavigate(name, properties) { window.showPage(name, properties) }
        function onReplaceWith(name, properties) { window.replacePage(name, properties) }
        function onBack() { window.goHome() }
        function onPrevious() {
            window.releaseKeyboard()
            if (stack.depth > 1)
                stack.pop(StackView.Immediate)
            else
                window.goHome()
        }
    }
}

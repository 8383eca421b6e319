import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import "../components"

// Staff mode: what is wrong and the few things staff may do about it, without a keyboard.
Page {
    id: page
    objectName: "staffPage"
    readonly property string voicePrompt: qsTr("已进入工作人员模式。")
    signal navigate(string name, var properties)
    signal back()
    signal previous()
    readonly property var snap: staff.snapshot
    Accessible.role: Accessible.Pane
    Accessible.name: qsTr("工作人员模式")
    background: Rectangle { color: Theme.background }

    function deviceName(name) {
        return name === "reader" ? qsTr("读卡器") : name === "printer" ? qsTr("打印机")
             : name === "clock" ? qsTr("时钟") : name === "scanner" ? qsTr("扫码器")
             : name === "a4_printer" ? qsTr("证明打印机") : qsTr("中心服务")
    }
    function stateWord(state, reason) {
        if (state === "ok")
            return qsTr("正常")
        if (reason === "paper_out")
            return qsTr("缺纸")
        if (reason === "near_end")
            return qsTr("纸将用尽")
        if (reason === "cover_open")
            return qsTr("盖未合")
        if (reason === "paper_jam")
            return qsTr("卡纸")
        if (reason === "stopped")
            return qsTr("已暂停")
        if (reason === "offline")
            return qsTr("未连接")
        if (reason === "no_such_queue")
            return qsTr("未设置")
        if (reason === "unsynced")
            return qsTr("未确认校时")
        if (reason === "timeout")
            return qsTr("无响应")
        if (reason === "driver_broken")
            return qsTr("驱动无法加载")
        if (reason === "driver_nonconforming")
            return qsTr("驱动不合规范")
        if (state === "unknown")
            return qsTr("未知")
        return qsTr("故障")
    }
    function authWord(reason) {
        return reason === "stale" ? qsTr("时钟偏差，请检查时间同步")
             : reason === "unknown_terminal" ? qsTr("终端未登记或已停用")
             : qsTr("密钥不符，请联系中心服务管理员重新登记")
    }
    function jobWord(kind) {
        return kind === "slip" ? qsTr("告知单") : kind === "receipt" ? qsTr("回执")
             : kind === "ticket" ? qsTr("排队号") : kind === "test" ? qsTr("测试页")
             : kind === "acknowledgement" ? qsTr("凭条") : qsTr("其他")
    }
    function statusWord(status) {
        return status === "printed" ? qsTr("已打印") : status === "failed" ? qsTr("失败")
             : qsTr("排队中")
    }

    ColumnLayout {
        anchors.fill: parent
        anchors.margins: Theme.padding
        spacing: Theme.spacing

        RowLayout {
            Layout.fillWidth: true
            Text {
                text: qsTr("工作人员模式")
                color: Theme.text
                font.family: Theme.fontFamily
                font.pixelSize: Theme.fontTitle
                font.bold: true
                Layout.fillWidth: true
            }
            KioskButton {
                objectName: "staffLogout"
                text: qsTr("退出")
                onClicked: { staff.logout(); page.back() }
            }
        }

        Flickable {
            id: moreFlick
            MoreBelow { flick: moreFlick }
            Layout.fillWidth: true
            Layout.fillHeight: true
            clip: true
            contentWidth: width
            contentHeight: body.implicitHeight
            boundsBehavior: Flickable.StopAtBounds
            ColumnLayout {
                id: body
                width: parent.width
                spacing: Theme.spacing

                SectionCard {
                    objectName: "staffDevices"
                    title: qsTr("设备状态（%1 检测）").arg(page.snap.taken_at || "")
                    Repeater {
                        model: page.snap.devices || []
                        BodyText {
                            required property var modelData
                            // The device's own words (English, paths) go to the log, not here.
                            text: page.deviceName(modelData.name) + "："
                                  + page.stateWord(modelData.state, modelData.reason)
                            color: modelData.state === "ok" ? Theme.text
                                 : modelData.state === "error" ? Theme.error : Theme.warning
                        }
                    }
                }

                BodyText {
                    objectName: "staffDevicesHint"
                    visible: (page.snap.devices || []).some(function (d) { return d.state !== "ok" })
                    color: Theme.textMuted
                    text: qsTr("设备异常的详细原因已记入日志，供应商可在终端上查看诊断信息。")
                }

                SectionCard {
                    objectName: "staffSync"
                    title: qsTr("数据上传")
                    BodyText {
                        text: qsTr("待上传 %1 条，上传失败 %2 条，已上传 %3 条")
                              .arg(page.snap.sync ? page.snap.sync.pending : 0)
                              .arg(page.snap.sync ? page.snap.sync.dead : 0)
                              .arg(page.snap.sync ? page.snap.sync.sent : 0)
                    }
                    BodyText {
                        objectName: "staffAuthFailed"
                        readonly property var failure: page.snap.sync ? page.snap.sync.auth_failure : null
                        visible: !!failure
                        color: Theme.error
                        text: !failure ? ""
                              : qsTr("认证失败：中心服务拒绝了本终端（%1）。数据保留在本机，将自动重试。")
                                .arg(page.authWord(failure.reason))
                    }
                    KioskButton {
                        objectName: "staffRetryDead"
                        visible: !!page.snap.sync && page.snap.sync.dead > 0
                        text: qsTr("重新上传失败数据")
                        onClicked: staff.retryDead()
                    }
                }

                SectionCard {
                    objectName: "staffSettings"
                    title: qsTr("设置")
                    RowLayout {
                        Layout.fillWidth: true
                        spacing: Theme.spacing
                        BodyText {
                            objectName: "staffVolume"
                            text: qsTr("语音音量：%1").arg(staff.volume)
                            Layout.fillWidth: true
                        }
                        KioskButton {
                            objectName: "staffVolumeDown"
                            primary: false
                            text: qsTr("调小")
                            Accessible.name: qsTr("调小语音音量")
                            enabled: staff.volume > 0
                            onClicked: staff.setVolume(staff.volume - 10)
                        }
                        KioskButton {
                            objectName: "staffVolumeUp"
                            primary: false
                            text: qsTr("调大")
                            Accessible.name: qsTr("调大语音音量")
                            enabled: staff.volume < 100
                            onClicked: staff.setVolume(staff.volume + 10)
                        }
                    }
                    Flow {
                        Layout.fillWidth: true
                        spacing: Theme.spacing
                        KioskButton { objectName: "staffReload"; text: qsTr("重新读取设置"); onClicked: staff.reloadSettings() }
                        KioskButton {
                            objectName: "staffExit"
                            visible: staff.canExit
                            primary: false
                            text: qsTr("退出到桌面")
                            onClicked: staff.exitToDesktop()
                        }
                    }
                }

                SectionCard {
                    title: qsTr("操作")
                    Flow {
                        Layout.fillWidth: true
                        spacing: Theme.spacing
                        KioskButton { objectName: "staffRefresh"; text: qsTr("重新检测"); onClicked: staff.refresh() }
                        KioskButton { objectName: "staffTestPage"; text: qsTr("打印测试页"); onClicked: staff.testPage() }
                        KioskButton { objectName: "staffCardTest"; text: qsTr("读卡测试"); onClicked: page.navigate("idCard", {}) }
                        KioskButton { objectName: "staffRestart"; primary: false; text: qsTr("重启程序"); onClicked: staff.restartApp() }
                    }
                    BodyText {
                        objectName: "staffNotice"
                        visible: text !== ""
                        color: staff.notice === "failed" || staff.notice === "config_error" ? Theme.error : Theme.ok
                        text: staff.notice === "reprinted" ? qsTr("已加入打印队列")
                            : staff.notice === "certificate_reprinted" ? qsTr("证明已重新打印")
                            : staff.notice === "retried" ? qsTr("已重新排队上传")
                            : staff.notice === "test_printed" ? qsTr("测试页已加入打印队列")
                            : staff.notice === "failed" ? qsTr("操作未成功，请查看日志")
                            : staff.notice === "not_ready" ? qsTr("终端尚未就绪")
                            : staff.notice === "volume_set" ? qsTr("音量已保存")
                            : staff.notice === "reloaded" ? qsTr("设置已重新读取并生效")
                            : staff.notice === "reloaded_restart"
                              ? qsTr("设置已重新读取；其中 %1 项需重启程序后生效").arg(staff.restartNeeded.length)
                            : staff.notice === "config_error"
                              ? qsTr("设置文件有误，仍使用原设置；详细原因已记入日志")
                            : ""
                    }
                    BodyText {
                        text: qsTr("版本：%1").arg(page.snap.version || "")
                        color: Theme.textMuted
                    }
                }

                SectionCard {
                    objectName: "staffJobs"
                    title: qsTr("今日打印（%1 张）").arg((page.snap.jobs || []).length)
                    Repeater {
                        model: (page.snap.jobs || []).slice(0, 20)
                        RowLayout {
                            required property var modelData
                            Layout.fillWidth: true
                            BodyText {
                                text: modelData.time + "  " + page.jobWord(modelData.kind) + "  "
                                      + page.statusWord(modelData.status)
                                      + (modelData.reason ? "（" + page.stateWord("error", modelData.reason) + "）" : "")
                                color: modelData.status === "failed" ? Theme.error : Theme.text
                            }
                            KioskButton {
                                objectName: "reprint_" + modelData.id
                                primary: false
                                text: qsTr("补打")
                                implicitWidth: 180
                                onClicked: staff.reprint(modelData.id)
                            }
                        }
                    }
                }

                // Certificates on A4 (自助打印证明): the kind and code only; reprinted from the
                // sealed copy the terminal keeps until the day ends.
                SectionCard {
                    objectName: "staffCertificates"
                    visible: (page.snap.certificates || []).length > 0
                    title: qsTr("今日打印证明（%1 份）").arg((page.snap.certificates || []).length)
                    Repeater {
                        model: (page.snap.certificates || []).slice(0, 20)
                        RowLayout {
                            required property var modelData
                            Layout.fillWidth: true
                            BodyText {
                                Layout.fillWidth: true
                                text: modelData.time + "  " + (modelData.title || modelData.kind) + "\n"
                                      + qsTr("核验码 %1").arg(modelData.code) + "  "
                                      + (modelData.status === "printing" ? qsTr("打印中")
                                         : page.statusWord(modelData.status))
                                      + (modelData.reason ? "（" + page.stateWord("error", modelData.reason) + "）" : "")
                                color: modelData.status === "failed" ? Theme.error : Theme.text
                            }
                            KioskButton {
                                objectName: "reprintCertificate_" + modelData.id
                                visible: modelData.reprintable
                                primary: false
                                text: qsTr("补打")
                                implicitWidth: 180
                                onClicked: staff.reprintCertificate(modelData.id)
                            }
                        }
                    }
                }
            }
        }
    }
}

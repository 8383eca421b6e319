<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="en_US" sourcelanguage="zh_CN">
<context>
    <name>EntryTile</name>
    <message>
        <source>%1（暂未开通）</source>
        <translation>%1 (not available yet)</translation>
    </message>
    <message>
        <source>即将开放</source>
        <translation>Coming soon</translation>
    </message>
</context>
<context>
    <name>HomePage</name>
    <message>
        <source>首页</source>
        <translation>Home</translation>
    </message>
    <message>
        <source>指</source>
        <translation>G</translation>
    </message>
    <message>
        <source>办事指南</source>
        <translation>Service guides</translation>
    </message>
    <message>
        <source>查事项、看材料、打印告知单</source>
        <translation>Find a service, see what to bring, print the checklist</translation>
    </message>
    <message>
        <source>办</source>
        <translation>A</translation>
    </message>
    <message>
        <source>我要办理</source>
        <translation>Apply</translation>
    </message>
    <message>
        <source>刷身份证，自助申请</source>
        <translation>Tap your ID card and apply here</translation>
    </message>
    <message>
        <source>号</source>
        <translation>#</translation>
    </message>
    <message>
        <source>取号</source>
        <translation>Take a number</translation>
    </message>
    <message>
        <source>领取窗口排队号</source>
        <translation>Get a queue number for a window</translation>
    </message>
    <message>
        <source>约</source>
        <translation>B</translation>
    </message>
    <message>
        <source>预约签到</source>
        <translation>Appointment check-in</translation>
    </message>
    <message>
        <source>已预约的市民在此签到</source>
        <translation>Check in for your appointment</translation>
    </message>
    <message>
        <source>查</source>
        <translation>P</translation>
    </message>
    <message>
        <source>进度查询</source>
        <translation>Case progress</translation>
    </message>
    <message>
        <source>查询办件进度</source>
        <translation>Check the progress of your case</translation>
    </message>
    <message>
        <source>询</source>
        <translation>?</translation>
    </message>
    <message>
        <source>咨询</source>
        <translation>Ask a question</translation>
    </message>
    <message>
        <source>常见问题与留言咨询</source>
        <translation>FAQ and questions</translation>
    </message>
    <message>
        <source>评</source>
        <translation>R</translation>
    </message>
    <message>
        <source>评价</source>
        <translation>Rate us</translation>
    </message>
    <message>
        <source>对本次服务作出评价</source>
        <translation>Rate today's service</translation>
    </message>
    <message>
        <source>诉</source>
        <translation>C</translation>
    </message>
    <message>
        <source>投诉</source>
        <translation>Complaints</translation>
    </message>
    <message>
        <source>投诉与建议</source>
        <translation>Complaints and suggestions</translation>
    </message>
    <message>
        <source>欢迎使用政务服务自助终端</source>
        <translation>Welcome to the self-service terminal</translation>
    </message>
    <message>
        <source>请选择您要办理的业务</source>
        <translation>Please choose a service</translation>
    </message>
    <message>
        <source>办理业务请将身份证放在下方感应区 · 如需帮助请咨询现场工作人员</source>
        <translation>To apply, place your ID card on the reader below · Staff nearby are happy to help</translation>
    </message>
</context>
<context>
    <name>Main</name>
    <message>
        <source>政务服务自助终端</source>
        <translation>Public Service Self-Service Terminal</translation>
    </message>
</context>
<context>
    <name>NotReadyPage</name>
    <message>
        <source>%1暂未开通</source>
        <translation>%1 is not available yet</translation>
    </message>
    <message>
        <source>本终端暂未开通“%1”功能</source>
        <translation>“%1” is not available on this terminal yet</translation>
    </message>
    <message>
        <source>请到综合受理窗口办理，或向现场工作人员咨询。给您带来不便，敬请谅解。</source>
        <translation>Please go to the general service window or ask the staff. We apologise for the inconvenience.</translation>
    </message>
    <message>
        <source>返回首页</source>
        <translation>Home</translation>
    </message>
</context>
<context>
    <name>OutOfServicePage</name>
    <message>
        <source>暂停服务</source>
        <translation>Out of service</translation>
    </message>
    <message>
        <source>本终端暂停服务</source>
        <translation>This terminal is out of service</translation>
    </message>
    <message>
        <source>请使用其他自助终端或到人工窗口办理，并告知现场工作人员。</source>
        <translation>Please use another terminal or a service window, and let the staff know.</translation>
    </message>
</context>
<context>
    <name>PageHeader</name>
    <message>
        <source>返回首页</source>
        <translation>Home</translation>
    </message>
</context>
<context>
    <name>StatusBar</name>
    <message>
        <source>正常</source>
        <translation>OK</translation>
    </message>
    <message>
        <source>缺纸</source>
        <translation>out of paper</translation>
    </message>
    <message>
        <source>纸将用尽</source>
        <translation>paper low</translation>
    </message>
    <message>
        <source>盖未合</source>
        <translation>cover open</translation>
    </message>
    <message>
        <source>离线</source>
        <translation>offline</translation>
    </message>
    <message>
        <source>故障</source>
        <translation>fault</translation>
    </message>
    <message>
        <source>检测中</source>
        <translation>checking</translation>
    </message>
    <message>
        <source>演示模式</source>
        <translation>DEMO</translation>
    </message>
    <message>
        <source>网络</source>
        <translation>Network</translation>
    </message>
    <message>
        <source>在线</source>
        <translation>online</translation>
    </message>
    <message>
        <source>未连接</source>
        <translation>not connected</translation>
    </message>
    <message>
        <source>打印机</source>
        <translation>Printer</translation>
    </message>
    <message>
        <source>读卡器</source>
        <translation>Card reader</translation>
    </message>
    <message>
        <source>时间 %1</source>
        <translation>Time %1</translation>
    </message>
</context>
</TS>
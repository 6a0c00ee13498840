## Forms: the label of every field (`field-<name>`, which messages about the field use too),
## hints, and why a value was refused (`invalid-…`, words that follow the field's label).

# A refused value, beside its field and in the list above the form.
form-error = { $field }{ $reason }。
form-error-prefix = 错误：
form-errors-heading = { $count ->
    [one] 请更正以下问题
   *[other] 请更正以下 { $count } 个问题
}

field-title = 标题
field-name = 名称
field-description = 简介
field-short_name = 简称
field-country = 国家
field-kind = 类型
field-website = 网站
field-summary = 摘要
field-place = 地点
field-date = 日期
field-from = 起始
field-to = 截止
field-position = 顺序
field-organisation = 机构
field-meeting = 会议
field-event = 活动
field-stop = 行程站
field-appointments = 职务
field-appointment_title = 职务名称
field-appointment_organisation = 任职机构
field-appointment_from = 任职起始
field-appointment_to = 任职截止
field-signed_on = 签署日期
field-signed_at = 签署场合
field-parties = 缔约方
field-signatories = 签署人
field-areas = 重点领域
field-new_status = 新的状态事件
field-new_status_on = 新事件日期
field-new_status_note = 新事件备注
field-joint_body = 联合机构
field-ordinal = 届次
field-agreement = 协定
field-held_on = 举行日期
field-outcomes = 成果
field-co_chairs = 联合主席
field-organisations = 参与机构
field-leader = 团长
field-from_country = 派出国
field-host_country = 东道国
field-starts_on = 开始日期
field-ends_on = 结束日期
field-purpose = 宗旨
field-members = 成员
field-itinerary = 行程
field-stop_position = 各站顺序
field-stop_title = 各站标题
field-stop_on = 各站日期
field-stop_place = 各站地点
field-stop_organisation = 各站机构
field-stop_meeting = 各站会议
field-stop_event = 各站活动
field-stop_summary = 各站摘要
field-witnesses = 见证人
field-valid_until = 有效期至
field-renews = 续签自
field-dateline = 电头
field-language = 语言
field-body = 正文（Markdown）
field-related = 本新闻稿涉及的记录
field-change_note = 修改说明
field-publish_at = 发布时间（UTC）
field-withdrawn_reason = 公开的撤回理由
field-action = 操作
field-form_token = 表单令牌
field-username = 用户名
field-display_name = 姓名
field-role = 角色
field-password = 密码
field-change = 修改
field-document_title = 文件标题
field-document_file = PDF 文件

choose-country = 请选择国家
choose-kind = 请选择类型
choose-no-new-event = 不添加新事件

hint-statement-summary = 一两句话，显示在列表和订阅源中。
hint-dateline = 新闻稿的发布地点，例如 KUALA LUMPUR（吉隆坡）。
hint-body = 用 ## 表示标题，用 - 表示列表，链接写作 [文字](https://…)，表格用 | 分隔列 |。脚本和样式会被删除。
hint-related = 每行一个地址，例如 /mous/mimos-cetc-mou-2024 或 /organisations/mimos。
hint-change_note = 本版本的修改内容。随每个已发布版本公开显示。
hint-withdrawn_reason = 新闻稿仍保留在原地址，并公开显示此理由。
hint-username = 3 至 32 个小写字母、数字、点、连字符或下划线。
hint-password = 至少 { $count } 个字符。
hint-document_title = 例如：已签署的备忘录，英文和中文文本。
hint-document_file = 不超过 10 MB 的 PDF 文件。上传后即公开。
hint-short_name = 其他页面使用的名称，例如 MIMOS。
hint-website = 以 https:// 或 http:// 开头的地址。
hint-people = 每行一个地址，例如 /people/yin-hejun，或仅填写其简短地址。
hint-organisations = 每行一个地址，例如 /organisations/mimos，或仅填写其简短地址。
hint-appointments = 所任职务，附任职机构的地址（/organisations/mosti），日期写作 2024、2024-04 或 2024-04-25。留空的行不会添加任何内容；勾选“删除”可删除该行。
hint-agreement-signed_on = 年份（2013）、月份（2013-10）或具体日期（2013-10-04）。
hint-agreement-signed_at = 签署地点。
hint-new_status_on = 年份（2024）、月份（2024-04）或具体日期（2024-04-25）。最新的事件即为该记录的状态。
hint-joint_body = 例如科学、技术和创新联合委员会。
hint-ordinal = 第 3 次会议填 3。
hint-agreement = 会议所依据的协定的地址，例如 /agreements/sti-cooperation-agreement-2013。
hint-held_on = 年份、月份（2024-04）或具体日期（2024-04-25）。
hint-co_chairs = 按顺序每行一个地址，例如 /people/chang-lih-kang。
hint-leader = 率团访问者的地址，例如 /people/chang-lih-kang。
hint-starts_on = 具体日期，例如 2024-04-24。
hint-ends_on = 开始日期当天或之后的日期。
hint-members = 每行一人：人物地址，后接竖线和其角色，例如 /people/yin-hejun | 部长；再加竖线可依次填写马来文和中文角色：/people/yin-hejun | Minister | Menteri | 部长。
hint-itinerary = 访问的各站。修改“顺序”下的数字可重新排序；机构和会议填写地址（/organisations/cetc、/meetings/…）。留空的行不会添加任何内容；勾选“删除”可删除该站。
hint-signed_on = 年份、月份（2024-04）或具体日期（2024-04-25）。
hint-mou-signed_at = 会议（/meetings/3rd-joint-committee-meeting-sti）或访问中的某一站，写作访问地址加站号（/delegations/working-visit-to-china-2024#stop-3）。
hint-mou-parties = 至少两个机构，按备忘录所列顺序，每行一个地址（/organisations/mimos）。
hint-valid_until = 具体日期，例如 2029-04-30。
hint-renews = 本备忘录所续签的备忘录地址（如有）（/mous/…）。

invalid-empty = 不能为空
invalid-too-long = 不得超过 { $max } 个字符
invalid-control-characters = 不得包含控制字符
invalid-record-address = “{ $text }”不是记录的地址，正确写法如 /mous/mimos-cetc-mou-2024
invalid-address-in = “{ $text }”不是{ $collection ->
    [agreements] 协定
    [meetings] 会议
    [delegations] 代表团
    [mous] 谅解备忘录
    [organisations] 机构
    [people] 人物
   *[areas] 重点领域
}的地址，正确写法如 /{ $collection }/名称
invalid-one-record = 只能填写一条记录
invalid-partial-date = 必须是年份（2024）、月份（2024-04）或具体日期（2024-04-25）
invalid-day = 必须是具体日期，例如 2024-04-25
invalid-web-address = 必须是以 https:// 或 http:// 开头的网址，例如 https://www.mimos.my
invalid-unknown-area = 包含未知的重点领域
invalid-unknown-record = 所填的 { $address } 不是本门户网站的记录
invalid-date-time = 必须是日期和时间，例如 2025-01-31T09:00
invalid-in-the-past = 必须是将来的时间
invalid-action = 不是此表单提供的操作
invalid-one-of = 必须是以下之一：{ $choices }
invalid-country-code = 必须是两个字母的国家代码，例如 MY 或 CN
invalid-slug-characters = 只能包含小写字母、数字和连字符
invalid-slug-hyphens = 不能以连字符开头或结尾，也不能连用连字符
invalid-year = 必须是年份，例如 2024
invalid-page = 必须是 1 至 { $max } 之间的页码
invalid-site-path = 不是本网站的页面
invalid-username = 必须由 3 至 32 个小写字母、数字、点、连字符或下划线组成
invalid-username-taken = 已被使用
invalid-password-short = 至少需要 { $min } 个字符
invalid-password-long = 不得超过 { $max } 个字节
invalid-display-name = 必须为 1 至 100 个字符，且不含控制字符
invalid-too-many-rows = 最多只能有 { $max } 行
# A refused value in one row of a repeated group: the row's number, the column's label and why.
invalid-in-row = 第 { $row } 行：{ $field }{ $reason }
invalid-event-status = 有日期的事件必须选择状态
invalid-before-start = 不能早于开始日期
invalid-ordinal = 必须是整数，例如 3
invalid-member-without-person = 有一行只填写了角色而没有人物
invalid-member-twice = 重复列出了 { $address }
invalid-position = 必须是数字，例如 2
invalid-stop = 不是本次访问的行程站
invalid-two-countries = 必须至少包括两个国家
invalid-two-organisations = 必须至少填写两个机构
invalid-signing-place = “{ $text }”既不是会议（/meetings/名称），也不是访问中的行程站（/delegations/名称#stop-2）
invalid-not-records = 所填的 { $addresses } 不是本门户的记录
invalid-unknown-country = 所填的 { $code } 不在本门户的国家列表中
invalid-first-status = 新记录必须选择状态
invalid-missing-stop = 所填的 { $address } 不是该访问的行程站
invalid-renews-itself = 必须填写另一份谅解备忘录，而不是本备忘录
invalid-stop-elsewhere = 列出了不属于本次访问的行程站，请重新加载表单
invalid-stop-signed-at = 不能删除行程站“{ $stop }”：{ $address } 是在该站签署的，请先修改该谅解备忘录
invalid-form-token = 缺失，请重新加载表单
invalid-document-missing = 必须选择：已签署文件的 PDF
invalid-document-too-large = 超过 10 MB，即文件大小上限；请缩小文件后再试
invalid-document-not-pdf = 不是 PDF 文件
invalid-document-empty = 是空文件
invalid-document-media-type = 必须以 PDF（application/pdf）格式发送

# Why the workflow of press statements refused an action.
refusal-role = 您的角色无权执行此操作。
refusal-preview = 预览不会保存任何内容。
refusal-withdrawn = 已撤回的新闻稿不能修改。
refusal-submit = 只有草稿才能提交审核。
refusal-published = 该新闻稿已经发布；如需修订，请保存。
refusal-schedule = 已发布的新闻稿不能定时发布。
refusal-unschedule = 只有已排期的新闻稿才能取消定时。
refusal-withdraw = 只有已发布的新闻稿才能撤回。

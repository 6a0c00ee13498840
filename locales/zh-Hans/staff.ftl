## The staff pages: login, the dashboard, statements, records, accounts and the audit log.

staff-login-title = 工作人员登录
staff-login-lede = 供发布新闻稿和维护记录的部委工作人员使用。
staff-login-button = 登录
staff-login-failed = 用户名或密码不正确，或该账户已停用。

staff-crumb = 工作人员
staff-landmark = 工作人员
staff-signed-in-as = 当前登录：
staff-dashboard = 工作台
staff-statements = 新闻稿
staff-new-statement = 撰写新闻稿
staff-edit-statement = 编辑新闻稿
staff-records = 记录
staff-users = 用户
staff-audit = 审计日志
staff-log-out = 退出登录
staff-none = 无。
staff-author = 作者
staff-last-change = 最后修改（UTC）
staff-scheduled-for = 定于 { $time }
staff-scheduled-at = 定于 { $time }（UTC）发布
staff-version = 第 { $number } 版
staff-view-public-page = 查看公开页面
staff-view-public-page-at = 查看公开页面（{ $address }）

dashboard-drafts = 草稿
dashboard-submitted = 待审核
dashboard-scheduled = 已排期
dashboard-published = 已发布

staff-statements-by-status = 按状态查看新闻稿
staff-tab-all = 全部
staff-write-statement = 撰写新的新闻稿
staff-statements-none = 此处尚无新闻稿。
staff-not-saved = 未能保存
staff-preview = 预览
staff-save = 保存
staff-submit = 提交审核
staff-publish = 立即发布
staff-schedule = 定时发布
staff-schedule-button = 设定发布时间
staff-unschedule = 取消定时
staff-withdraw = 撤回
staff-withdraw-button = 撤回

notice-statement-draft = 已保存为草稿。
notice-statement-submitted = 已提交审核。
notice-statement-scheduled = 已设定发布时间。
notice-statement-published = 已发布。
notice-statement-withdrawn = 已撤回；该新闻稿仍公开显示，并附撤回理由。
notice-repeated = 此表单已经提交过；内容不会重复保存。
notice-record-created = 已创建。公开页面现已显示。
notice-record-saved = 已保存。公开页面现已显示修改。
notice-document-attached = 文件已附上，现已公开。
notice-user-added = 账户已创建。
notice-user-changed = 账户已修改。
notice-user-self = 您不能停用自己的账户，也不能取消自己的管理员角色。
notice-user-missing = 没有这个账户。

conflict-title = 编辑冲突
conflict-statement-heading = 其他人已修改此新闻稿
conflict-record-heading = { $collection ->
    [agreements] 其他人已修改此协定
    [meetings] 其他人已修改此会议
    [delegations] 其他人已修改此代表团
    [mous] 其他人已修改此谅解备忘录
    [organisations] 其他人已修改此机构
    [people] 其他人已修改此人物
   *[areas] 其他人已修改此重点领域
}
conflict-explanation = 在您编辑期间，其他人已保存了修改（现为第 { $version } 版）。您的修改未保存。请比较两个版本，并从您的版本中复制所需内容。
conflict-edit-current = 编辑当前版本
conflict-saved-version = 已保存的版本
conflict-saved-version-status = 已保存的版本（{ $status }）
conflict-your-version = 您的版本（未保存）
conflict-field = 字段
conflict-differs = 不同

# The collections of records, by the path that names them.
staff-collection = { $collection ->
    [agreements] 协定
    [meetings] 会议
    [delegations] 代表团
    [mous] 谅解备忘录
    [organisations] 机构
    [people] 人物
   *[areas] 重点领域
}
staff-new-record = { $collection ->
    [agreements] 新建协定
    [meetings] 新建会议
    [delegations] 新建代表团
    [mous] 新建谅解备忘录
    [organisations] 新建机构
    [people] 新建人物
   *[areas] 新建重点领域
}
staff-edit-record = { $collection ->
    [agreements] 编辑协定
    [meetings] 编辑会议
    [delegations] 编辑代表团
    [mous] 编辑谅解备忘录
    [organisations] 编辑机构
    [people] 编辑人物
   *[areas] 编辑重点领域
}
staff-no-records = { $collection ->
    [agreements] 尚无协定。
    [meetings] 尚无会议。
    [delegations] 尚无代表团。
    [mous] 尚无谅解备忘录。
    [organisations] 尚无机构。
    [people] 尚无人物。
   *[areas] 尚无重点领域。
}
staff-records-intro = 创建和编辑公开页面所显示的记录。修改一经保存即公开。
staff-search-records = 按名称或标题搜索
staff-nothing-matches = 没有与“{ $query }”相符的记录。
staff-found = 找到 { $count } 条
staff-found-pages = 找到 { $count } 条，第 { $page } 页，共 { $last } 页
staff-name-or-title = 名称或标题
staff-address = 地址
staff-save-changes = 保存修改
staff-create = 创建
# A row of a repeated group on a record form: an appointment, or a stop of an itinerary.
row-new = { $kind ->
    [appointment] 新增职务
   *[stop] 新增行程站
}
row-numbered = { $kind ->
    [appointment] 职务 { $number }
   *[stop] 第 { $number } 站
}
row-remove = { $kind ->
    [appointment] 删除此职务
   *[stop] 删除此站
}
history-line = { $date }：{ $status }
history-line-with-note = { $date }：{ $status }（{ $note }）
documents-signed = 已签署文件
documents-none-attached = 尚未附上任何文件。
documents-upload = 上传文件

users-change = 修改
users-disabled = 已停用
users-active = 正常
users-role-of = { $username } 的角色
users-set-role = 设定角色
users-enable = 启用
users-disable = 停用
users-add-heading = 添加用户
users-add = 添加用户

audit-lede = 工作人员的每一次写入和每一次登录，最新的在前。时间为 UTC。
audit-none = 尚无任何记录。
audit-when = 时间
audit-who = 操作人
audit-action = 操作
audit-record = 记录
audit-what = 修改内容
audit-system = 系统
audit-older = 更早的事件
# What the audit log records: the actions, and what they were done to.
audit-action-login = 登录
audit-action-login-failed = 登录失败
audit-action-logout = 退出登录
audit-action-create = 创建
audit-action-update = 更新
audit-action-submit = 提交审核
audit-action-publish = 发布
audit-action-schedule = 定时发布
audit-action-unschedule = 取消定时
audit-action-amend = 修订
audit-action-withdraw = 撤回
audit-action-attach = 附加文件
audit-entity-session = 会话
audit-entity-statement = 新闻稿
audit-entity-user = 用户
audit-entity-agreement = 协定
audit-entity-meeting = 会议
audit-entity-delegation = 代表团
audit-entity-mou = 谅解备忘录
audit-entity-organisation = 机构
audit-entity-person = 人物
audit-entity-area = 重点领域

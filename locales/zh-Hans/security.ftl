# 门户网站对请求所设限制的提示信息。

error-too-long = 网址过长
error-too-long-message = 所请求的网址超出了门户网站接受的长度。请缩短“?”之后的部分后再试。

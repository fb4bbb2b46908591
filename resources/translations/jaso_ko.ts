<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ko_KR">
<context>
    <name>AbilityBox</name>
    <message>
        <location filename="../../desktop/ui/assist/model_ability.py" line="66"/>
        <source>Models…</source>
        <translation>모델…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/assist/model_ability.py" line="95"/>
        <source>The chosen model cannot write critiques (it only continues text). Reviews are the automatic analysis: measured in the answer, without a model.</source>
        <translation>고른 모델은 첨삭할 수 없습니다(글을 이어 쓰기만 합니다). 리뷰는 자동 분석입니다: 모델 없이 답변에서 잰 결과입니다.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/assist/model_ability.py" line="104"/>
        <source>This review is the automatic analysis: the model&apos;s own critique did not pass the checks, so it is not shown.</source>
        <translation>이 리뷰는 자동 분석입니다: 모델의 첨삭이 점검을 통과하지 못해 보여 주지 않습니다.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/assist/model_ability.py" line="110"/>
        <source>No catalog model that writes critiques fits this computer&apos;s memory.</source>
        <translation>이 컴퓨터의 메모리에 맞는, 첨삭할 수 있는 목록의 모델이 없습니다.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/assist/model_ability.py" line="116"/>
        <source>measured on this computer</source>
        <translation>이 컴퓨터에서 잰 속도</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/assist/model_ability.py" line="118"/>
        <source>estimated from the model&apos;s size</source>
        <translation>모델 크기로 추정</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/assist/model_ability.py" line="122"/>
        <source>%1 (%2 GB) fits this computer and adds a model&apos;s critique: about %3 s per review (%4).</source>
        <translation>%1(%2 GB)은 이 컴퓨터에 맞고 모델의 첨삭을 더합니다: 리뷰 하나에 약 %3초(%4).</translation>
    </message>
</context>
<context>
    <name>AnswerEdit</name>
    <message>
        <location filename="../../desktop/ui/editor/answer_edit.py" line="308"/>
        <source>Replace with “%1”</source>
        <translation>고쳐 쓰기: “%1”</translation>
    </message>
</context>
<context>
    <name>App</name>
    <message>
        <location filename="../../desktop/app.py" line="54"/>
        <source>Something went wrong. Your text is saved; details are in the log.</source>
        <translation>문제가 발생했습니다. 입력한 글은 저장되어 있으며 자세한 내용은 로그에 있습니다.</translation>
    </message>
    <message>
        <location filename="../../desktop/app.py" line="83"/>
        <source>There is no backup.</source>
        <translation>백업이 없습니다.</translation>
    </message>
    <message>
        <location filename="../../desktop/app.py" line="86"/>
        <source>The database cannot be read. Restore the newest backup (%1)? The damaged file is kept next to it under a new name.</source>
        <translation>데이터베이스를 읽을 수 없습니다. 가장 최근 백업(%1)으로 복원할까요? 손상된 파일은 다른 이름으로 옆에 보관합니다.</translation>
    </message>
</context>
<context>
    <name>ApplicationDialog</name>
    <message>
        <location filename="../../desktop/ui/editor/application_dialog.py" line="31"/>
        <source>Edit application</source>
        <translation>지원서 정보 수정</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/editor/application_dialog.py" line="31"/>
        <source>New application</source>
        <translation>새 지원서</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/editor/application_dialog.py" line="37"/>
        <source>Has a deadline</source>
        <translation>마감일 있음</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/editor/application_dialog.py" line="53"/>
        <source>Blind hiring (no school, hometown, family or age)</source>
        <translation>블라인드 채용 (학교·출신지·가족·나이 기재 금지)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/editor/application_dialog.py" line="56"/>
        <source>For counselors: whose application this is</source>
        <translation>상담사용: 누구의 지원서인지</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/editor/application_dialog.py" line="60"/>
        <source>Posting notes: duties, requirements, talent profile…</source>
        <translation>공고 메모: 직무 내용, 자격 요건, 인재상…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/editor/application_dialog.py" line="64"/>
        <source>Company</source>
        <translation>회사</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/editor/application_dialog.py" line="65"/>
        <source>Role</source>
        <translation>직무</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/editor/application_dialog.py" line="66"/>
        <source>Career level</source>
        <translation>경력 구분</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/editor/application_dialog.py" line="68"/>
        <source>Status</source>
        <translation>상태</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/editor/application_dialog.py" line="70"/>
        <source>Client</source>
        <translation>내담자</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/editor/application_dialog.py" line="71"/>
        <source>Essay language</source>
        <translation>작성 언어</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/editor/application_dialog.py" line="72"/>
        <source>Posting notes</source>
        <translation>공고 메모</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/editor/application_dialog.py" line="91"/>
        <source>Enter the company name.</source>
        <translation>회사명을 입력하세요.</translation>
    </message>
</context>
<context>
    <name>ApplicationListPanel</name>
    <message>
        <location filename="../../desktop/ui/editor/app_list.py" line="43"/>
        <source>Search companies, questions and answers</source>
        <translation>회사, 문항, 답변 검색</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/editor/app_list.py" line="46"/>
        <source>All</source>
        <translation>전체</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/editor/app_list.py" line="50"/>
        <source>All clients</source>
        <translation>모든 내담자</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/editor/app_list.py" line="119"/>
        <source>No client</source>
        <translation>내담자 없음</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/editor/app_list.py" line="146"/>
        <source>Due today</source>
        <translation>오늘 마감</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/editor/app_list.py" line="148"/>
        <source>Closed %1</source>
        <translation>마감됨 %1</translation>
    </message>
</context>
<context>
    <name>ApplicationView</name>
    <message>
        <location filename="../../desktop/ui/editor/application_view.py" line="114"/>
        <source>Edit details</source>
        <translation>정보 수정</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/editor/application_view.py" line="115"/>
        <source>Add question</source>
        <translation>문항 추가</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/editor/application_view.py" line="171"/>
        <source>Could not open the application</source>
        <translation>지원서를 열 수 없습니다</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/editor/application_view.py" line="280"/>
        <source>The model is still loading.</source>
        <translation>모델을 불러오는 중입니다.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/editor/application_view.py" line="282"/>
        <source>No model is ready. Choose one under Model.</source>
        <translation>준비된 모델이 없습니다. 모델 메뉴에서 고르세요.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/editor/application_view.py" line="304"/>
        <source>There is no answer to review yet.</source>
        <translation>첨삭할 답변이 아직 없습니다.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/editor/application_view.py" line="310"/>
        <source>An answer could not be saved, so it was not reviewed.</source>
        <translation>답변을 저장하지 못해 첨삭하지 않았습니다.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/editor/application_view.py" line="367"/>
        <source>Deadline %1</source>
        <translation>마감 %1</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/editor/application_view.py" line="371"/>
        <source>Blind hiring</source>
        <translation>블라인드 채용</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/editor/application_view.py" line="373"/>
        <source>Client: %1</source>
        <translation>내담자: %1</translation>
    </message>
</context>
<context>
    <name>AssistPanel</name>
    <message>
        <location filename="../../desktop/ui/assist/assist_panel.py" line="41"/>
        <source>Checks</source>
        <translation>점검</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/assist/assist_panel.py" line="42"/>
        <source>Suggestions</source>
        <translation>제안</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/assist/assist_panel.py" line="43"/>
        <source>Review</source>
        <translation>첨삭</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/assist/assist_panel.py" line="48"/>
        <source>Counselor review of the critique</source>
        <translation>첨삭 검토 (상담사)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/assist/assist_panel.py" line="49"/>
        <source>Comments on the text</source>
        <translation>본문 코멘트</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/assist/assist_panel.py" line="54"/>
        <source>Counselor</source>
        <translation>상담사</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/assist/assist_panel.py" line="90"/>
        <source>Reviewing this answer… the review appears here.</source>
        <translation>이 답변을 첨삭하는 중입니다… 결과가 여기에 나타납니다.</translation>
    </message>
</context>
<context>
    <name>BatchBar</name>
    <message>
        <location filename="../../desktop/ui/counsel/batch_bar.py" line="35"/>
        <location filename="../../desktop/ui/counsel/batch_bar.py" line="105"/>
        <source>Pause</source>
        <translation>일시 정지</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/counsel/batch_bar.py" line="36"/>
        <source>Cancel</source>
        <translation>취소</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/counsel/batch_bar.py" line="38"/>
        <source>Hide</source>
        <translation>숨기기</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/counsel/batch_bar.py" line="69"/>
        <source>· measuring the model</source>
        <translation>· 모델 측정 중</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/counsel/batch_bar.py" line="70"/>
        <source>· reading</source>
        <translation>· 읽는 중</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/counsel/batch_bar.py" line="71"/>
        <source>· scoring</source>
        <translation>· 점수 매기는 중</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/counsel/batch_bar.py" line="72"/>
        <source>· writing</source>
        <translation>· 쓰는 중</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/counsel/batch_bar.py" line="90"/>
        <source>Reviews paused</source>
        <translation>첨삭 일시 정지됨</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/counsel/batch_bar.py" line="92"/>
        <source>Reviews cancelled</source>
        <translation>첨삭 취소됨</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/counsel/batch_bar.py" line="94"/>
        <source>Reviews done</source>
        <translation>첨삭 완료</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/counsel/batch_bar.py" line="96"/>
        <source>Reviews wait for a model (Model ▸ Models…)</source>
        <translation>첨삭이 모델을 기다립니다 (모델 ▸ 모델 관리…)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/counsel/batch_bar.py" line="98"/>
        <source>Reviewing · about %1 left</source>
        <translation>첨삭 중 · 약 %1 남음</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/counsel/batch_bar.py" line="105"/>
        <source>Resume</source>
        <translation>재개</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/counsel/batch_bar.py" line="111"/>
        <source>%n failed</source>
        <translation>
            <numerusform>%n건 실패</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../desktop/ui/counsel/batch_bar.py" line="133"/>
        <location filename="../../desktop/ui/counsel/batch_bar.py" line="138"/>
        <source>Batch review</source>
        <translation>일괄 첨삭</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/counsel/batch_bar.py" line="139"/>
        <source>These answers were not reviewed:</source>
        <translation>다음 답변은 첨삭하지 못했습니다:</translation>
    </message>
</context>
<context>
    <name>BatchDialog</name>
    <message>
        <location filename="../../desktop/ui/counsel/batch_dialog.py" line="34"/>
        <source>Batch review</source>
        <translation>일괄 첨삭</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/counsel/batch_dialog.py" line="38"/>
        <source>All clients</source>
        <translation>모든 내담자</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/counsel/batch_dialog.py" line="42"/>
        <source>Select all</source>
        <translation>모두 선택</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/counsel/batch_dialog.py" line="48"/>
        <source>Client</source>
        <translation>내담자</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/counsel/batch_dialog.py" line="55"/>
        <source>Queue reviews</source>
        <translation>첨삭 대기열에 넣기</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/counsel/batch_dialog.py" line="76"/>
        <source>(%n answer(s))</source>
        <translation>
            <numerusform>(답변 %n개)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/counsel/batch_dialog.py" line="103"/>
        <source>%n answer(s) to review</source>
        <translation>
            <numerusform>첨삭할 답변 %n개</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CandidatesPanel</name>
    <message>
        <location filename="../../desktop/ui/assist/candidates_panel.py" line="33"/>
        <source>Suggest (Ctrl+Space)</source>
        <translation>이어 쓰기 제안 (Ctrl+Space)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/assist/candidates_panel.py" line="35"/>
        <source>Draft from keywords…</source>
        <translation>키워드로 초안 쓰기…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/assist/candidates_panel.py" line="49"/>
        <source>Tab accepts the grey text, Ctrl+→ one word, Alt+] / Alt+[ the next or previous candidate, Esc dismisses. Suggestions are raw material: check every fact.</source>
        <translation>Tab은 회색 글을 받아들이고, Ctrl+→는 한 어절, Alt+] / Alt+[는 다음·이전 후보, Esc는 닫기입니다. 제안은 재료일 뿐이니 모든 사실을 확인하세요.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/assist/candidates_panel.py" line="78"/>
        <source>+%1</source>
        <translation>+%1자</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/assist/candidates_panel.py" line="81"/>
        <source>%1 left</source>
        <translation>%1자 남음</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/assist/candidates_panel.py" line="83"/>
        <source>%1 over the limit</source>
        <translation>%1자 초과</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/assist/candidates_panel.py" line="92"/>
        <source>Click into an answer to get suggestions.</source>
        <translation>답변을 클릭하면 제안을 받을 수 있습니다.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/assist/candidates_panel.py" line="96"/>
        <source>Writing candidates…</source>
        <translation>후보를 쓰는 중…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/assist/candidates_panel.py" line="98"/>
        <source>Pause typing, or press Ctrl+Space, for suggestions.</source>
        <translation>입력을 잠시 멈추거나 Ctrl+Space를 누르면 제안이 나옵니다.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/assist/candidates_panel.py" line="100"/>
        <source>Click a candidate to insert it at the cursor.</source>
        <translation>후보를 클릭하면 커서 위치에 넣습니다.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/assist/candidates_panel.py" line="106"/>
        <source>Not in your text, check: %1</source>
        <translation>내 글에 없는 내용, 확인: %1</translation>
    </message>
</context>
<context>
    <name>ChecksPanel</name>
    <message>
        <location filename="../../desktop/ui/assist/checks_panel.py" line="47"/>
        <source>Apply the correction</source>
        <translation>고쳐 쓰기 적용</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/assist/checks_panel.py" line="49"/>
        <source>Put the suggested text in place of the finding (Ctrl+Z undoes it)</source>
        <translation>찾은 부분을 제안된 글로 바꿉니다 (Ctrl+Z로 되돌릴 수 있습니다)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/assist/checks_panel.py" line="73"/>
        <source>Click into an answer to see its checks.</source>
        <translation>답변을 클릭하면 점검 결과가 보입니다.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/assist/checks_panel.py" line="78"/>
        <location filename="../../desktop/ui/assist/checks_panel.py" line="83"/>
        <source>No problems found.</source>
        <translation>발견된 문제가 없습니다.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/assist/checks_panel.py" line="81"/>
        <source>%n finding(s)</source>
        <translation>
            <numerusform>%n건 발견</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../desktop/ui/assist/checks_panel.py" line="124"/>
        <source>The answer changed since this check; try again.</source>
        <translation>검사 이후 답변이 바뀌었습니다. 다시 시도하세요.</translation>
    </message>
</context>
<context>
    <name>CommentDialog</name>
    <message>
        <location filename="../../desktop/ui/counsel/review_items.py" line="96"/>
        <location filename="../../desktop/ui/counsel/review_items.py" line="103"/>
        <source>Comment</source>
        <translation>코멘트</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/counsel/review_items.py" line="101"/>
        <source>Passage</source>
        <translation>구절</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/counsel/review_items.py" line="104"/>
        <source>Propose replacement text</source>
        <translation>바꿀 문장 제안</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/counsel/review_items.py" line="110"/>
        <source>Replace with</source>
        <translation>바꿀 문장</translation>
    </message>
</context>
<context>
    <name>CommentsPanel</name>
    <message>
        <location filename="../../desktop/ui/counsel/comments_panel.py" line="58"/>
        <source>Comment on selection…</source>
        <translation>선택한 구절에 코멘트…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/counsel/comments_panel.py" line="59"/>
        <source>Propose replacement…</source>
        <translation>고쳐 쓰기 제안…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/counsel/comments_panel.py" line="60"/>
        <source>Accept</source>
        <translation>수락</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/counsel/comments_panel.py" line="61"/>
        <source>Reject</source>
        <translation>거절</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/counsel/comments_panel.py" line="62"/>
        <source>Delete</source>
        <translation>삭제</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/counsel/comments_panel.py" line="130"/>
        <source>Replace with: «%1»</source>
        <translation>제안: «%1»</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/counsel/comments_panel.py" line="132"/>
        <source>accepted</source>
        <translation>수락됨</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/counsel/comments_panel.py" line="133"/>
        <source>rejected</source>
        <translation>거절됨</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/counsel/comments_panel.py" line="134"/>
        <source>resolved</source>
        <translation>해결됨</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/counsel/comments_panel.py" line="137"/>
        <source>passage no longer in the answer</source>
        <translation>답변에서 사라진 구절</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/counsel/comments_panel.py" line="170"/>
        <source>Select the passage in the answer first.</source>
        <translation>먼저 답변에서 구절을 선택하세요.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/counsel/comments_panel.py" line="173"/>
        <source>The answer could not be saved, so no comment was added.</source>
        <translation>답변을 저장하지 못해 코멘트를 달지 않았습니다.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/counsel/comments_panel.py" line="190"/>
        <source>The comment could not be saved: %1</source>
        <translation>코멘트를 저장하지 못했습니다: %1</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/counsel/comments_panel.py" line="216"/>
        <source>Replacement accepted (Ctrl+Z in the answer undoes it).</source>
        <translation>제안을 반영했습니다 (답변에서 Ctrl+Z로 되돌릴 수 있습니다).</translation>
    </message>
</context>
<context>
    <name>CounselMenu</name>
    <message>
        <location filename="../../desktop/ui/counsel/counsel_menu.py" line="45"/>
        <source>&amp;Counselor</source>
        <translation>상담(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/counsel/counsel_menu.py" line="47"/>
        <source>&amp;Import essays…</source>
        <translation>자기소개서 가져오기(&amp;I)…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/counsel/counsel_menu.py" line="48"/>
        <source>&amp;Paste an essay…</source>
        <translation>붙여 넣어 가져오기(&amp;P)…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/counsel/counsel_menu.py" line="50"/>
        <source>&amp;Batch review…</source>
        <translation>일괄 첨삭(&amp;B)…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/counsel/counsel_menu.py" line="51"/>
        <source>Client&apos;s training &amp;consent…</source>
        <translation>학습 데이터 활용 동의(&amp;C)…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/counsel/counsel_menu.py" line="53"/>
        <source>Export feedback &amp;report…</source>
        <translation>피드백 보고서 내보내기(&amp;R)…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/counsel/counsel_menu.py" line="54"/>
        <source>Export &amp;essay…</source>
        <translation>자기소개서 내보내기(&amp;E)…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/counsel/counsel_menu.py" line="55"/>
        <source>Export &amp;training data…</source>
        <translation>학습 데이터 내보내기(&amp;T)…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/counsel/counsel_menu.py" line="85"/>
        <source>Import essays</source>
        <translation>자기소개서 가져오기</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/counsel/counsel_menu.py" line="87"/>
        <source>Essays (%1)</source>
        <translation>자기소개서 (%1)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/counsel/counsel_menu.py" line="95"/>
        <source>Could not import %1</source>
        <translation>%1을(를) 가져오지 못했습니다</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/counsel/counsel_menu.py" line="115"/>
        <source>Imported. Review the answers, then press Review all or queue a batch.</source>
        <translation>가져왔습니다. 답변을 확인한 뒤 전체 첨삭을 누르거나 일괄 첨삭에 넣으세요.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/counsel/counsel_menu.py" line="123"/>
        <source>No model is ready. Choose one under Model.</source>
        <translation>준비된 모델이 없습니다. 모델 메뉴에서 고르세요.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/counsel/counsel_menu.py" line="137"/>
        <source>%n answer(s) queued for review.</source>
        <translation>
            <numerusform>답변 %n개를 첨삭 대기열에 넣었습니다.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../desktop/ui/counsel/counsel_menu.py" line="142"/>
        <source>Open an application with a client name (Edit details) first.</source>
        <translation>먼저 내담자 이름이 있는 지원서를 여세요 (정보 수정).</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/counsel/counsel_menu.py" line="147"/>
        <source>Training consent</source>
        <translation>학습 데이터 활용 동의</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/counsel/counsel_menu.py" line="150"/>
        <source>Does %1 agree that their approved critiques may be used to train a critique model? Contact details and their name are masked in the export.</source>
        <translation>%1 님이 승인된 첨삭을 첨삭 모델 학습에 쓰는 데 동의했습니까? 내보낼 때 연락처와 이름은 가려집니다.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/counsel/counsel_menu.py" line="155"/>
        <source>Currently: consents.</source>
        <translation>현재: 동의함.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/counsel/counsel_menu.py" line="155"/>
        <source>Currently: no consent.</source>
        <translation>현재: 동의하지 않음.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/counsel/counsel_menu.py" line="157"/>
        <source>Consents</source>
        <translation>동의함</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/counsel/counsel_menu.py" line="158"/>
        <source>Does not consent</source>
        <translation>동의하지 않음</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/counsel/counsel_menu.py" line="197"/>
        <source>Open an application first.</source>
        <translation>먼저 지원서를 여세요.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/counsel/counsel_menu.py" line="220"/>
        <source>Export feedback report</source>
        <translation>피드백 보고서 내보내기</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/counsel/counsel_menu.py" line="208"/>
        <location filename="../../desktop/ui/counsel/counsel_menu.py" line="266"/>
        <source>Export failed</source>
        <translation>내보내지 못했습니다</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/counsel/counsel_menu.py" line="222"/>
        <source>feedback</source>
        <comment>the end of a proposed file name: 김민수-다온은행-feedback.pdf</comment>
        <translation>첨삭</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/counsel/counsel_menu.py" line="225"/>
        <source>Report written to %1</source>
        <translation>보고서를 %1에 저장했습니다</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/counsel/counsel_menu.py" line="235"/>
        <source>Export essay</source>
        <translation>자기소개서 내보내기</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/counsel/counsel_menu.py" line="237"/>
        <source>Text</source>
        <translation>텍스트</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/counsel/counsel_menu.py" line="239"/>
        <source>Essay written to %1</source>
        <translation>자기소개서를 %1에 저장했습니다</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/counsel/counsel_menu.py" line="244"/>
        <location filename="../../desktop/ui/counsel/counsel_menu.py" line="257"/>
        <source>Export training data</source>
        <translation>학습 데이터 내보내기</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/counsel/counsel_menu.py" line="245"/>
        <source>jaso-critiques</source>
        <comment>a proposed file name</comment>
        <translation>자소-첨삭-학습데이터</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/counsel/counsel_menu.py" line="259"/>
        <source>Nothing to export: only approved reviews of clients who consented are training data.</source>
        <translation>내보낼 것이 없습니다. 동의한 내담자의 승인된 첨삭만 학습 데이터가 됩니다.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/counsel/counsel_menu.py" line="268"/>
        <source>%n example(s) written</source>
        <translation>
            <numerusform>예시 %n개를 저장했습니다</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/counsel/counsel_menu.py" line="271"/>
        <source>%n review(s) skipped: longer than the model may write</source>
        <translation>
            <numerusform>첨삭 %n개는 모델이 쓸 수 있는 분량을 넘어 건너뛰었습니다</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Counter</name>
    <message>
        <location filename="../../desktop/ui/editor/counter.py" line="21"/>
        <source>chars (incl. spaces)</source>
        <translation>자 (공백 포함)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/editor/counter.py" line="22"/>
        <source>chars (incl. spaces, line break = 2)</source>
        <translation>자 (공백 포함, 줄바꿈 2자)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/editor/counter.py" line="25"/>
        <source>chars (excl. spaces)</source>
        <translation>자 (공백 제외)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/editor/counter.py" line="26"/>
        <source>bytes (Hangul = 2)</source>
        <translation>바이트 (한글 2)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/editor/counter.py" line="27"/>
        <source>bytes (UTF-8)</source>
        <translation>바이트 (UTF-8)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/editor/counter.py" line="28"/>
        <source>bytes (NEIS: Hangul = 3)</source>
        <translation>바이트 (NEIS: 한글 3)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/editor/counter.py" line="29"/>
        <source>words</source>
        <translation>단어</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/editor/counter.py" line="80"/>
        <source>%1 / %2 %3</source>
        <translation>%1 / %2%3</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/editor/counter.py" line="92"/>
        <source>%1 %2</source>
        <translation>%1%2</translation>
    </message>
</context>
<context>
    <name>CritiquePanel</name>
    <message>
        <location filename="../../desktop/ui/assist/critique_panel.py" line="57"/>
        <source>Review</source>
        <translation>첨삭</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/assist/critique_panel.py" line="58"/>
        <source>Review all</source>
        <translation>전체 첨삭</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/assist/critique_panel.py" line="68"/>
        <source>The answer has changed since this review. Review again to update it.</source>
        <translation>이 첨삭 이후 답변이 바뀌었습니다. 다시 첨삭하면 갱신됩니다.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/assist/critique_panel.py" line="72"/>
        <location filename="../../desktop/ui/assist/critique_panel.py" line="143"/>
        <source>No review yet. Press Review for a critique of this answer.</source>
        <translation>아직 첨삭이 없습니다. 첨삭을 누르면 이 답변을 평가합니다.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/assist/critique_panel.py" line="104"/>
        <source>Summary</source>
        <translation>총평</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/assist/critique_panel.py" line="105"/>
        <source>Strengths</source>
        <translation>좋은점</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/assist/critique_panel.py" line="106"/>
        <source>To improve</source>
        <translation>아쉬운점</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/assist/critique_panel.py" line="107"/>
        <source>Fix first</source>
        <translation>먼저 고칠 점</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/assist/critique_panel.py" line="140"/>
        <source>Click in an answer to see its review here.</source>
        <translation>답변을 클릭하면 그 답변의 첨삭이 여기에 나타납니다.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/assist/critique_panel.py" line="150"/>
        <source>reviewed by the counselor</source>
        <translation>상담사 검토 완료</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/assist/critique_panel.py" line="181"/>
        <source>The model is reviewing this answer; meanwhile, the automatic analysis.</source>
        <translation>모델이 이 답변을 첨삭하고 있습니다. 그동안 자동 분석을 보여 드립니다.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/assist/critique_panel.py" line="192"/>
        <source>checking what this model can do (once per model) %1/%2</source>
        <translation>이 모델이 할 수 있는 일을 확인하는 중(모델마다 한 번) %1/%2</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/assist/critique_panel.py" line="195"/>
        <source>reading the answer</source>
        <translation>답변을 읽는 중</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/assist/critique_panel.py" line="197"/>
        <source>scoring</source>
        <translation>점수를 매기는 중</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/assist/critique_panel.py" line="199"/>
        <source>writing the review</source>
        <translation>첨삭을 쓰는 중</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/assist/critique_panel.py" line="200"/>
        <source>The model is reviewing this answer: %1…</source>
        <translation>모델이 이 답변을 첨삭하고 있습니다: %1…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/assist/critique_panel.py" line="247"/>
        <source>(model)</source>
        <translation>(모델)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/assist/critique_panel.py" line="251"/>
        <source>(not found in the answer)</source>
        <translation>(답변에 없는 구절)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/assist/critique_panel.py" line="266"/>
        <source>That passage is no longer in the answer.</source>
        <translation>그 구절은 이제 답변에 없습니다.</translation>
    </message>
</context>
<context>
    <name>CritiqueQueue</name>
    <message>
        <location filename="../../desktop/ui/assist/critique_queue.py" line="121"/>
        <source>Queued; the reviews are paused: press Resume.</source>
        <translation>대기열에 넣었습니다. 첨삭이 일시 정지되어 있으니 재개를 누르세요.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/assist/critique_queue.py" line="271"/>
        <source>The review failed: %1</source>
        <translation>첨삭하지 못했습니다: %1</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/assist/critique_queue.py" line="313"/>
        <source>The review could not be saved: %1</source>
        <translation>첨삭을 저장하지 못했습니다: %1</translation>
    </message>
</context>
<context>
    <name>DraftDialog</name>
    <message>
        <location filename="../../desktop/ui/assist/draft_dialog.py" line="50"/>
        <source>Draft from keywords</source>
        <translation>키워드로 초안 쓰기</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/assist/draft_dialog.py" line="59"/>
        <source>Keywords or notes: what you did, your role, numbers, the result. The draft uses only these facts.</source>
        <translation>키워드나 메모: 한 일, 내 역할, 숫자, 결과. 초안은 이 사실만 씁니다.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/assist/draft_dialog.py" line="66"/>
        <source>The draft appears here.</source>
        <translation>초안이 여기에 나옵니다.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/assist/draft_dialog.py" line="74"/>
        <source>Write draft</source>
        <translation>초안 쓰기</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/assist/draft_dialog.py" line="74"/>
        <source>Check my notes</source>
        <translation>메모 점검</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/assist/draft_dialog.py" line="76"/>
        <source>Stop</source>
        <translation>중지</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/assist/draft_dialog.py" line="77"/>
        <source>Insert</source>
        <translation>넣기</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/assist/draft_dialog.py" line="78"/>
        <source>Discard</source>
        <translation>버리기</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/assist/draft_dialog.py" line="107"/>
        <source>Write a few keywords or notes first.</source>
        <translation>먼저 키워드나 메모를 몇 개 쓰세요.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/assist/draft_dialog.py" line="125"/>
        <source>No model is ready. Choose one under Model.</source>
        <translation>준비된 모델이 없습니다. 모델 메뉴에서 고르세요.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/assist/draft_dialog.py" line="127"/>
        <source>Writing…</source>
        <translation>쓰는 중…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/assist/draft_dialog.py" line="156"/>
        <source>Cut to whole sentences within the limit. Rewrite it in your own words.</source>
        <translation>제한 안에서 문장 단위로 잘랐습니다. 자기 말로 다시 쓰세요.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/assist/draft_dialog.py" line="162"/>
        <source>The draft failed: %1</source>
        <translation>초안 쓰기에 실패했습니다: %1</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/assist/draft_dialog.py" line="167"/>
        <source>Stopped.</source>
        <translation>중지했습니다.</translation>
    </message>
</context>
<context>
    <name>HistoryDialog</name>
    <message>
        <location filename="../../desktop/ui/editor/history_dialog.py" line="51"/>
        <source>Answer history</source>
        <translation>답변 기록</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/editor/history_dialog.py" line="71"/>
        <source>Selected version</source>
        <translation>선택한 버전</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/editor/history_dialog.py" line="72"/>
        <source>Current answer</source>
        <translation>현재 답변</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/editor/history_dialog.py" line="89"/>
        <source>Restore this version</source>
        <translation>이 버전으로 복원</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/editor/history_dialog.py" line="97"/>
        <source>No earlier versions yet.</source>
        <translation>아직 이전 버전이 없습니다.</translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message>
        <location filename="../../desktop/ui/counsel/import_dialog.py" line="53"/>
        <source>Import essay</source>
        <translation>자기소개서 가져오기</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/counsel/import_dialog.py" line="56"/>
        <source>Check the split on the right. A line starting with ## is a question; add or remove ## to fix it. Details such as 회사: or 직무: before the first question fill in the application.</source>
        <translation>오른쪽에서 나뉜 결과를 확인하세요. ##로 시작하는 줄이 문항입니다. ##를 더하거나 지워서 고칩니다. 첫 문항 앞의 회사:, 직무: 같은 줄은 지원서 정보가 됩니다.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/counsel/import_dialog.py" line="63"/>
        <source>Paste the essay here, questions and answers.</source>
        <translation>문항과 답변을 여기에 붙여 넣으세요.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/counsel/import_dialog.py" line="66"/>
        <source>Question</source>
        <translation>문항</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/counsel/import_dialog.py" line="66"/>
        <source>Length</source>
        <translation>분량</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/counsel/import_dialog.py" line="76"/>
        <source>Whose essay this is (for counselors)</source>
        <translation>누구의 자기소개서인지 (상담사용)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/counsel/import_dialog.py" line="78"/>
        <source>Company</source>
        <translation>회사</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/counsel/import_dialog.py" line="79"/>
        <source>Role</source>
        <translation>직무</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/counsel/import_dialog.py" line="80"/>
        <source>Client</source>
        <translation>내담자</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/counsel/import_dialog.py" line="87"/>
        <source>Import</source>
        <translation>가져오기</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/counsel/import_dialog.py" line="121"/>
        <source>(no question text)</source>
        <translation>(문항 없음)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/counsel/import_dialog.py" line="128"/>
        <source>(no answer)</source>
        <translation>(답변 없음)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/counsel/import_dialog.py" line="134"/>
        <source>Nothing to import yet.</source>
        <translation>아직 가져올 내용이 없습니다.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/counsel/import_dialog.py" line="136"/>
        <source>No answers found: is each answer under its question?</source>
        <translation>답변을 찾지 못했습니다. 답변이 문항 아래에 있나요?</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/counsel/import_dialog.py" line="145"/>
        <source>Header</source>
        <translation>머리말</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/counsel/import_dialog.py" line="146"/>
        <source>Footer</source>
        <translation>꼬리말</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/counsel/import_dialog.py" line="147"/>
        <source>Note</source>
        <translation>각주·미주</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/counsel/import_dialog.py" line="148"/>
        <source>Memo</source>
        <translation>메모</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/counsel/import_dialog.py" line="149"/>
        <source>Page header or number</source>
        <translation>쪽 머리글·쪽 번호</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/counsel/import_dialog.py" line="151"/>
        <source>Not imported (%n)</source>
        <translation>
            <numerusform>가져오지 않은 글 (%n)</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../desktop/ui/counsel/import_dialog.py" line="155"/>
        <source>Text the file keeps outside its body. Copy into the text on the left what belongs to an answer.</source>
        <translation>파일이 본문 밖에 두는 글입니다. 답변에 들어갈 내용은 왼쪽 글에 옮겨 적으십시오.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/counsel/import_dialog.py" line="169"/>
        <source>Enter the company the essay is for.</source>
        <translation>지원하는 회사를 입력하세요.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/counsel/import_dialog.py" line="178"/>
        <source>Could not save: %1</source>
        <translation>저장하지 못했습니다: %1</translation>
    </message>
</context>
<context>
    <name>ImportReader</name>
    <message>
        <location filename="../../desktop/ui/counsel/import_reader.py" line="100"/>
        <source>Import essays</source>
        <translation>자기소개서 가져오기</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/counsel/import_reader.py" line="101"/>
        <source>Reading %1…</source>
        <translation>%1 읽는 중…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/counsel/import_reader.py" line="102"/>
        <source>Cancel</source>
        <translation>취소</translation>
    </message>
</context>
<context>
    <name>InterviewDialog</name>
    <message>
        <location filename="../../desktop/ui/interview/interview_dialog.py" line="92"/>
        <source>Interview practice — %1</source>
        <translation>면접 연습 — %1</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/interview/interview_dialog.py" line="96"/>
        <source>New session</source>
        <translation>새 연습</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/interview/interview_dialog.py" line="99"/>
        <source>Session:</source>
        <translation>연습:</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/interview/interview_dialog.py" line="114"/>
        <source>Answer as you would say it in the interview…</source>
        <translation>면접에서 말하듯이 답해 보세요…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/interview/interview_dialog.py" line="115"/>
        <source>Get feedback</source>
        <translation>피드백 받기</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/interview/interview_dialog.py" line="116"/>
        <source>Next question</source>
        <translation>다음 질문</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/interview/interview_dialog.py" line="164"/>
        <source>%1 · %2/%3 answered · %4/%5 points</source>
        <translation>%1 · %2/%3개 답변 · %4/%5점</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/interview/interview_dialog.py" line="175"/>
        <source>Write at least one answer before practising.</source>
        <translation>연습하기 전에 답변을 하나 이상 쓰세요.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/interview/interview_dialog.py" line="181"/>
        <source>No model is ready: these questions come from your essay alone.</source>
        <translation>준비된 모델이 없어 자기소개서만으로 질문을 만들었습니다.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/interview/interview_dialog.py" line="187"/>
        <source>Drawing questions from your answers…</source>
        <translation>답변에서 면접 질문을 뽑는 중…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/interview/interview_dialog.py" line="251"/>
        <source>From your essay: “%1”</source>
        <translation>자기소개서: “%1”</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/interview/interview_dialog.py" line="297"/>
        <source>Listening to your answer…</source>
        <translation>답변을 평가하는 중…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/interview/interview_dialog.py" line="336"/>
        <source>The model failed: %1</source>
        <translation>모델이 실패했습니다: %1</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/interview/interview_dialog.py" line="341"/>
        <source>Stopped.</source>
        <translation>중지했습니다.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/interview/interview_dialog.py" line="346"/>
        <source>capped by the checks</source>
        <translation>자동 점검으로 상한 적용</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/interview/interview_dialog.py" line="358"/>
        <source>%n sentence(s) with facts not in your essay were left out.</source>
        <translation>
            <numerusform>자기소개서에 없는 사실이 담긴 문장 %n개를 뺐습니다.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../desktop/ui/interview/interview_dialog.py" line="361"/>
        <source>Total: %1 / 8</source>
        <translation>합계: %1 / 8</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/interview/interview_dialog.py" line="362"/>
        <source>Advice</source>
        <translation>조언</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/interview/interview_dialog.py" line="363"/>
        <source>Example answer</source>
        <translation>모범 답변</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/interview/interview_dialog.py" line="379"/>
        <source>Without a model the feedback is the automatic analysis.</source>
        <translation>모델이 없으면 피드백은 자동 분석입니다.</translation>
    </message>
</context>
<context>
    <name>ItemDialog</name>
    <message>
        <location filename="../../desktop/ui/counsel/review_items.py" line="38"/>
        <source>Strength</source>
        <translation>좋은점</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/counsel/review_items.py" line="38"/>
        <source>Point to improve</source>
        <translation>아쉬운점</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/counsel/review_items.py" line="42"/>
        <source>Point</source>
        <translation>내용</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/counsel/review_items.py" line="45"/>
        <source>Issue</source>
        <translation>문제</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/counsel/review_items.py" line="46"/>
        <source>Why</source>
        <translation>이유</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/counsel/review_items.py" line="47"/>
        <source>Suggestion</source>
        <translation>제안</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/counsel/review_items.py" line="58"/>
        <source>Severity</source>
        <translation>심각도</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/counsel/review_items.py" line="60"/>
        <source>A passage copied from the answer (optional)</source>
        <translation>답변에서 그대로 옮긴 구절 (선택)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/counsel/review_items.py" line="61"/>
        <source>Quote</source>
        <translation>인용</translation>
    </message>
</context>
<context>
    <name>JobStatus</name>
    <message>
        <location filename="../../desktop/ui/models/job_status.py" line="39"/>
        <source>Stop</source>
        <translation>중지</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/models/job_status.py" line="41"/>
        <source>Details…</source>
        <translation>자세히…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/models/job_status.py" line="59"/>
        <source>Suggesting</source>
        <translation>제안 중</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/models/job_status.py" line="60"/>
        <source>Reviewing</source>
        <translation>첨삭 중</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/models/job_status.py" line="61"/>
        <source>Drafting</source>
        <translation>초안 작성 중</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/models/job_status.py" line="98"/>
        <source>checking what this model can do (once per model)</source>
        <translation>이 모델이 할 수 있는 일을 점검하는 중(모델마다 한 번)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/models/job_status.py" line="101"/>
        <source>reading the prompt</source>
        <translation>프롬프트 읽는 중</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/models/job_status.py" line="101"/>
        <source>writing</source>
        <translation>쓰는 중</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/models/job_status.py" line="116"/>
        <source>Failed: %1</source>
        <translation>실패: %1</translation>
    </message>
</context>
<context>
    <name>Labels</name>
    <message>
        <location filename="../../desktop/ui/labels.py" line="10"/>
        <source>Draft</source>
        <translation>작성 중</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/labels.py" line="11"/>
        <source>Submitted</source>
        <translation>제출 완료</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/labels.py" line="12"/>
        <source>Passed</source>
        <translation>합격</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/labels.py" line="13"/>
        <source>Not passed</source>
        <translation>불합격</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/labels.py" line="19"/>
        <source>Entry level</source>
        <translation>신입</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/labels.py" line="20"/>
        <source>Experienced</source>
        <translation>경력</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/labels.py" line="26"/>
        <source>Korean</source>
        <translation>한국어</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/labels.py" line="27"/>
        <source>English</source>
        <translation>영어</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/labels.py" line="33"/>
        <source>Autosave</source>
        <translation>자동 저장</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/labels.py" line="34"/>
        <source>Saved before a change</source>
        <translation>변경 전 저장본</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/labels.py" line="35"/>
        <source>Before AI text was inserted</source>
        <translation>AI 문장 삽입 전</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/labels.py" line="36"/>
        <source>Restored</source>
        <translation>복원됨</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/labels.py" line="37"/>
        <source>Reviewed</source>
        <translation>첨삭함</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/labels.py" line="43"/>
        <source>Critical</source>
        <translation>치명</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/labels.py" line="44"/>
        <source>Major</source>
        <translation>중요</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/labels.py" line="45"/>
        <source>Minor</source>
        <translation>사소</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/labels.py" line="47"/>
        <source>Hint</source>
        <translation>참고</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/labels.py" line="53"/>
        <source>Question fit</source>
        <translation>질문 적합성</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/labels.py" line="54"/>
        <source>Evidence</source>
        <translation>구체성·근거</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/labels.py" line="55"/>
        <source>Job and company fit</source>
        <translation>직무·회사 연관성</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/labels.py" line="56"/>
        <source>Structure</source>
        <translation>구성·가독성</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/labels.py" line="57"/>
        <source>Distinctiveness</source>
        <translation>차별성·진정성</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/labels.py" line="58"/>
        <source>Mechanics</source>
        <translation>표기·형식</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="78"/>
        <source>Writing help</source>
        <translation>글쓰기 도움</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="118"/>
        <source>The data folder is read-only: what you type is kept in recovery files and saved once the folder can be written.</source>
        <translation>데이터 폴더가 읽기 전용입니다. 입력한 글은 복구 파일에 보관되고, 폴더에 쓸 수 있게 되면 저장됩니다.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="159"/>
        <source>&amp;File</source>
        <translation>파일(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="162"/>
        <source>&amp;New application…</source>
        <translation>새 지원서(&amp;N)…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="166"/>
        <source>&amp;Reuse for another company…</source>
        <translation>다른 회사에 재사용(&amp;R)…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="169"/>
        <source>Import &amp;sample applications</source>
        <translation>예시 지원서 가져오기(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="172"/>
        <source>&amp;Interview practice…</source>
        <translation>면접 연습(&amp;I)…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="175"/>
        <source>&amp;Delete application</source>
        <translation>지원서 삭제(&amp;D)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="176"/>
        <source>&amp;Trash…</source>
        <translation>휴지통(&amp;T)…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="178"/>
        <source>Settin&amp;gs…</source>
        <translation>설정(&amp;G)…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="180"/>
        <source>&amp;Quit</source>
        <translation>종료(&amp;Q)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="182"/>
        <source>&amp;Model</source>
        <translation>모델(&amp;M)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="183"/>
        <source>&amp;Models…</source>
        <translation>모델 관리(&amp;M)…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="184"/>
        <source>&amp;Choose model file…</source>
        <translation>모델 파일 선택(&amp;C)…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="186"/>
        <source>&amp;Highlight text taken from the model</source>
        <translation>모델이 쓴 글 표시(&amp;H)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="191"/>
        <source>&amp;Help</source>
        <translation>도움말(&amp;H)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="193"/>
        <source>&amp;About Jaso</source>
        <translation>자소 정보(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="211"/>
        <source>Choose a model file</source>
        <translation>모델 파일 선택</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="211"/>
        <source>GGUF models (*.gguf)</source>
        <translation>GGUF 모델 (*.gguf)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="233"/>
        <source>No model (Model ▸ Choose model file…)</source>
        <translation>모델 없음 (모델 ▸ 모델 파일 선택…)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="234"/>
        <source>Loading %1…</source>
        <translation>%1 불러오는 중…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="235"/>
        <source>Model: %1</source>
        <translation>모델: %1</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="236"/>
        <source>Model failed: %1</source>
        <translation>모델 오류: %1</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="310"/>
        <source>Saved %1</source>
        <translation>%1 저장됨</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="315"/>
        <source>Not saved: your text is kept and saving is retried</source>
        <translation>저장 안 됨: 입력한 글은 보존되며 저장을 다시 시도합니다</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/main_window.py" line="333"/>
        <source>Restored unsaved text of %n answer(s) from the last session; the earlier text is in History.</source>
        <translation>
            <numerusform>지난 세션에서 저장하지 못한 답변 %n개를 복구했습니다. 이전 글은 기록에 있습니다.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="368"/>
        <source>Unsaved text</source>
        <translation>저장되지 않은 글</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="369"/>
        <source>Some text could not be saved. Quit anyway and lose it?</source>
        <translation>일부 글을 저장하지 못했습니다. 그래도 종료하고 버릴까요?</translation>
    </message>
</context>
<context>
    <name>ModelManagerDialog</name>
    <message>
        <location filename="../../desktop/ui/models/model_manager.py" line="68"/>
        <source>Models</source>
        <translation>모델</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/models/model_manager.py" line="82"/>
        <location filename="../../desktop/ui/models/model_manager.py" line="111"/>
        <source>Model</source>
        <translation>모델</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/models/model_manager.py" line="83"/>
        <source>Architecture</source>
        <translation>구조</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/models/model_manager.py" line="84"/>
        <source>Parameters</source>
        <translation>파라미터</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/models/model_manager.py" line="85"/>
        <source>Quantization</source>
        <translation>양자화</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/models/model_manager.py" line="86"/>
        <source>Context</source>
        <translation>컨텍스트</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/models/model_manager.py" line="87"/>
        <location filename="../../desktop/ui/models/model_manager.py" line="112"/>
        <source>Size</source>
        <translation>크기</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/models/model_manager.py" line="88"/>
        <location filename="../../desktop/ui/models/model_manager.py" line="113"/>
        <source>Licence</source>
        <translation>라이선스</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/models/model_manager.py" line="89"/>
        <source>Used for</source>
        <translation>용도</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/models/model_manager.py" line="90"/>
        <source>Measured ability</source>
        <translation>측정한 능력</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/models/model_manager.py" line="93"/>
        <source>Import GGUF…</source>
        <translation>GGUF 가져오기…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/models/model_manager.py" line="94"/>
        <source>Copy into the models folder</source>
        <translation>모델 폴더로 복사</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/models/model_manager.py" line="95"/>
        <source>Remove</source>
        <translation>제거</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/models/model_manager.py" line="96"/>
        <source>Use for suggestions</source>
        <translation>제안에 사용</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/models/model_manager.py" line="97"/>
        <source>Use for critiques</source>
        <translation>첨삭에 사용</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/models/model_manager.py" line="114"/>
        <source>Commercial use</source>
        <translation>상업적 이용</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/models/model_manager.py" line="115"/>
        <source>Fits this computer</source>
        <translation>이 컴퓨터에서 실행</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/models/model_manager.py" line="116"/>
        <source>Good for</source>
        <translation>추천 용도</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/models/model_manager.py" line="119"/>
        <source>Download</source>
        <translation>내려받기</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/models/model_manager.py" line="120"/>
        <source>Pause</source>
        <translation>일시 정지</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/models/model_manager.py" line="121"/>
        <source>Cancel download</source>
        <translation>내려받기 취소</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/models/model_manager.py" line="135"/>
        <source>Hub token (only for gated models)</source>
        <translation>허브 토큰 (승인이 필요한 모델만)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/models/model_manager.py" line="136"/>
        <source>Save token</source>
        <translation>토큰 저장</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/models/model_manager.py" line="146"/>
        <source>Installed</source>
        <translation>설치된 모델</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/models/model_manager.py" line="150"/>
        <source>Gemma 3 270M is the small starter model that came with Jaso: it gives rough suggestions and weak critiques. A model of 1.5–3 B parameters from the catalog below writes far better Korean and critiques.</source>
        <translation>Gemma 3 270M은 Jaso와 함께 설치된 작은 시작용 모델입니다. 이어 쓰기 제안은 거칠고 첨삭은 약합니다. 아래 목록의 1.5–3B 모델을 받으면 한국어와 첨삭이 훨씬 좋아집니다.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/models/model_manager.py" line="158"/>
        <source>Catalog</source>
        <translation>카탈로그</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/models/model_manager.py" line="173"/>
        <source>Memory: %1 free of %2 · CPU threads: %3 · GPU: checked when a GPU backend is chosen</source>
        <translation>메모리: %2 중 %1 사용 가능 · CPU 스레드: %3 · GPU: GPU 방식을 고를 때 확인</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/models/model_manager.py" line="183"/>
        <source>Keyring ready</source>
        <translation>키링 사용 가능</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/models/model_manager.py" line="193"/>
        <source>critiques (automatic analysis: the model did not qualify)</source>
        <translation>첨삭(자동 분석: 모델이 점검을 통과하지 못함)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/models/model_manager.py" line="196"/>
        <location filename="../../desktop/ui/models/model_manager.py" line="264"/>
        <source>suggestions</source>
        <translation>제안</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/models/model_manager.py" line="191"/>
        <location filename="../../desktop/ui/models/model_manager.py" line="264"/>
        <source>critiques</source>
        <translation>첨삭</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/models/model_manager.py" line="208"/>
        <source>not measured yet (measured at the first review)</source>
        <translation>아직 측정 전(첫 첨삭 때 측정)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/models/model_manager.py" line="226"/>
        <source>invalid: %1</source>
        <translation>사용 불가: %1</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/models/model_manager.py" line="248"/>
        <location filename="../../desktop/ui/models/model_manager.py" line="261"/>
        <source>yes</source>
        <translation>예</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/models/model_manager.py" line="249"/>
        <source>tight</source>
        <translation>빠듯함</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/models/model_manager.py" line="250"/>
        <source>no</source>
        <translation>아니요</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/models/model_manager.py" line="256"/>
        <source>(paused)</source>
        <translation>(일시 정지됨)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/models/model_manager.py" line="261"/>
        <source>no (non-commercial)</source>
        <translation>아니요 (비상업용)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/models/model_manager.py" line="280"/>
        <source>Import a model</source>
        <translation>모델 가져오기</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/models/model_manager.py" line="280"/>
        <source>GGUF models (*.gguf)</source>
        <translation>GGUF 모델 (*.gguf)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/models/model_manager.py" line="289"/>
        <source>Not a usable model</source>
        <translation>사용할 수 없는 모델</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/models/model_manager.py" line="299"/>
        <source>Delete %1 from the models folder?</source>
        <translation>모델 폴더에서 %1을(를) 삭제할까요?</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/models/model_manager.py" line="301"/>
        <source>Forget %1? The file itself stays where it is.</source>
        <translation>%1을(를) 목록에서 뺄까요? 파일은 그대로 남습니다.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/models/model_manager.py" line="304"/>
        <source>Remove model</source>
        <translation>모델 제거</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/models/model_manager.py" line="360"/>
        <source>Starting %1…</source>
        <translation>%1 시작하는 중…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/models/model_manager.py" line="374"/>
        <source>%1 left</source>
        <translation>%1 남음</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/models/model_manager.py" line="379"/>
        <source>Downloaded and checked: %1</source>
        <translation>내려받고 확인함: %1</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/models/model_manager.py" line="390"/>
        <source>Paused; Download resumes it, also after a restart.</source>
        <translation>일시 정지했습니다. 내려받기를 누르면 이어받습니다(다시 시작한 뒤에도).</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/models/model_manager.py" line="392"/>
        <source>Cancelled.</source>
        <translation>취소했습니다.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/models/model_manager.py" line="421"/>
        <source>Token saved in the keyring</source>
        <translation>토큰을 키링에 저장했습니다</translation>
    </message>
</context>
<context>
    <name>ModelSettings</name>
    <message>
        <location filename="../../desktop/ui/models/model_settings.py" line="56"/>
        <source>Model</source>
        <translation>모델</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/models/model_settings.py" line="62"/>
        <source>llama.cpp on the CPU</source>
        <translation>CPU에서 llama.cpp</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/models/model_settings.py" line="63"/>
        <source>llama.cpp with GPU layers</source>
        <translation>GPU 레이어를 쓰는 llama.cpp</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/models/model_settings.py" line="64"/>
        <source>transformers on a GPU</source>
        <translation>GPU에서 transformers</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/models/model_settings.py" line="65"/>
        <source>A server (OpenAI-compatible)</source>
        <translation>서버 (OpenAI 호환)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/models/model_settings.py" line="79"/>
        <source>automatic</source>
        <translation>자동</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/models/model_settings.py" line="95"/>
        <source>kept in the system keyring</source>
        <translation>시스템 키링에 보관</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/models/model_settings.py" line="110"/>
        <source>Run models with</source>
        <translation>모델 실행 방식</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/models/model_settings.py" line="111"/>
        <source>GPU layers</source>
        <translation>GPU 레이어</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/models/model_settings.py" line="113"/>
        <source>CPU threads</source>
        <translation>CPU 스레드</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/models/model_settings.py" line="114"/>
        <source>Context size (tokens)</source>
        <translation>컨텍스트 크기 (토큰)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/models/model_settings.py" line="115"/>
        <source>Server URL</source>
        <translation>서버 주소</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/models/model_settings.py" line="116"/>
        <source>Model name on the server</source>
        <translation>서버의 모델 이름</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/models/model_settings.py" line="117"/>
        <source>API key</source>
        <translation>API 키</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/models/model_settings.py" line="118"/>
        <source>Batch critiques at once</source>
        <translation>일괄 첨삭 동시 요청 수</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/models/model_settings.py" line="120"/>
        <source>Suggestion temperature</source>
        <translation>제안 온도(temperature)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/models/model_settings.py" line="121"/>
        <source>Suggestion top-p</source>
        <translation>제안 top-p</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/models/model_settings.py" line="132"/>
        <source>Looking for a GPU…</source>
        <translation>GPU를 찾는 중…</translation>
    </message>
</context>
<context>
    <name>NoQuestions</name>
    <message>
        <location filename="../../desktop/ui/editor/welcome.py" line="126"/>
        <source>No questions yet. Paste each question as the form states it: the limit and the counting rule are read from it.</source>
        <translation>아직 문항이 없습니다. 지원서 양식에 적힌 그대로 문항을 붙여 넣으면 글자 수 제한과 세는 방식을 읽어 냅니다.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/editor/welcome.py" line="131"/>
        <source>Add question…</source>
        <translation>문항 추가…</translation>
    </message>
</context>
<context>
    <name>QuestionActions</name>
    <message>
        <location filename="../../desktop/ui/editor/question_actions.py" line="48"/>
        <source>Could not save</source>
        <translation>저장하지 못했습니다</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/editor/question_actions.py" line="88"/>
        <source>Delete question</source>
        <translation>문항 삭제</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/editor/question_actions.py" line="90"/>
        <source>Move this question and its answer to the trash? You can restore it from File ▸ Trash.</source>
        <translation>이 문항과 답변을 휴지통으로 옮길까요? 파일 ▸ 휴지통에서 복원할 수 있습니다.</translation>
    </message>
</context>
<context>
    <name>QuestionDialog</name>
    <message>
        <location filename="../../desktop/ui/editor/question_dialog.py" line="28"/>
        <source>Edit question</source>
        <translation>문항 수정</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/editor/question_dialog.py" line="28"/>
        <source>Add question</source>
        <translation>문항 추가</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/editor/question_dialog.py" line="32"/>
        <source>Paste the question as the form states it, e.g. “지원동기를 기술해 주십시오. (700자 이내)”</source>
        <translation>지원서 양식의 문항을 그대로 붙여 넣으세요. 예: “지원동기를 기술해 주십시오. (700자 이내)”</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/editor/question_dialog.py" line="38"/>
        <source>No limit</source>
        <translation>제한 없음</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/editor/question_dialog.py" line="51"/>
        <source>Question</source>
        <translation>문항</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/editor/question_dialog.py" line="52"/>
        <source>Limit</source>
        <translation>글자 수 제한</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/editor/question_dialog.py" line="53"/>
        <source>Counting rule</source>
        <translation>세는 방식</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/editor/question_dialog.py" line="76"/>
        <source>Found in the question: %1 %2</source>
        <translation>문항에서 찾음: %1 %2</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/editor/question_dialog.py" line="86"/>
        <source>Enter the question text.</source>
        <translation>문항을 입력하세요.</translation>
    </message>
</context>
<context>
    <name>QuestionEditor</name>
    <message>
        <location filename="../../desktop/ui/editor/question_editor.py" line="108"/>
        <source>Write your answer here…</source>
        <translation>여기에 답변을 쓰세요…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/editor/question_editor.py" line="398"/>
        <source>The disk is full (or a file-size limit was reached).</source>
        <translation>디스크가 가득 찼습니다(또는 파일 크기 제한에 도달했습니다).</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/editor/question_editor.py" line="399"/>
        <source>The data folder is read-only.</source>
        <translation>데이터 폴더가 읽기 전용입니다.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/editor/question_editor.py" line="400"/>
        <source>The database is in use by another program.</source>
        <translation>다른 프로그램이 데이터베이스를 사용 중입니다.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/editor/question_editor.py" line="405"/>
        <source>Your text is kept only in this window and saving is retried: do not close Jaso.</source>
        <translation>글은 이 창에만 남아 있으며 저장을 다시 시도합니다. Jaso를 닫지 마세요.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/editor/question_editor.py" line="408"/>
        <source>Your text is kept in %1 and saving is retried.</source>
        <translation>글을 %1에 보관했으며 저장을 다시 시도합니다.</translation>
    </message>
</context>
<context>
    <name>QuestionHeader</name>
    <message>
        <location filename="../../desktop/ui/editor/question_header.py" line="94"/>
        <source>Review</source>
        <translation>첨삭</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/editor/question_header.py" line="94"/>
        <source>Ask the model for a critique of this answer</source>
        <translation>이 답변의 첨삭을 모델에 요청합니다</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/editor/question_header.py" line="97"/>
        <source>Draft…</source>
        <translation>초안…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/editor/question_header.py" line="98"/>
        <source>Write a first draft from your keywords or notes</source>
        <translation>키워드나 메모로 첫 초안을 씁니다</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/editor/question_header.py" line="101"/>
        <source>Edit</source>
        <translation>수정</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/editor/question_header.py" line="101"/>
        <source>Edit the question, its limit and counting rule</source>
        <translation>문항, 글자 수 제한, 세는 방식 수정</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/editor/question_header.py" line="102"/>
        <source>History</source>
        <translation>기록</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/editor/question_header.py" line="102"/>
        <source>Earlier versions of this answer</source>
        <translation>이 답변의 이전 버전</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/editor/question_header.py" line="103"/>
        <source>Move up</source>
        <translation>위로</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/editor/question_header.py" line="104"/>
        <source>Move down</source>
        <translation>아래로</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/editor/question_header.py" line="105"/>
        <source>Delete</source>
        <translation>삭제</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/editor/question_header.py" line="105"/>
        <source>Move this question to the trash</source>
        <translation>이 문항을 휴지통으로</translation>
    </message>
</context>
<context>
    <name>Refusal</name>
    <message>
        <location filename="../../desktop/ui/assist/refusal.py" line="43"/>
        <source>Automatic analysis</source>
        <translation>자동 분석</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/assist/refusal.py" line="62"/>
        <source>Nothing it wrote is shown. Here is what your notes hold for this question instead.</source>
        <translation>모델이 쓴 글은 보여 주지 않습니다. 대신 이 문항에 대해 메모에 무엇이 있는지 보여 드립니다.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/assist/refusal.py" line="68"/>
        <source>This model cannot write drafts (it only continues text). Here is what your notes hold for this question instead.</source>
        <translation>이 모델은 초안을 쓸 수 없습니다(글을 이어 쓰기만 합니다). 대신 이 문항에 대해 메모에 무엇이 있는지 보여 드립니다.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/assist/refusal.py" line="81"/>
        <source>Nothing it wrote is shown. Here is the automatic analysis of your answer instead.</source>
        <translation>모델이 쓴 글은 보여 주지 않습니다. 대신 답변의 자동 분석을 보여 드립니다.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/assist/refusal.py" line="87"/>
        <source>No model is loaded. Here is the automatic analysis of your answer.</source>
        <translation>불러온 모델이 없습니다. 답변의 자동 분석을 보여 드립니다.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/assist/refusal.py" line="90"/>
        <source>This model cannot give interview feedback (it only continues text). Here is the automatic analysis of your answer instead.</source>
        <translation>이 모델은 면접 피드백을 줄 수 없습니다(글을 이어 쓰기만 합니다). 대신 답변의 자동 분석을 보여 드립니다.</translation>
    </message>
</context>
<context>
    <name>ReuseDialog</name>
    <message>
        <location filename="../../desktop/ui/editor/reuse_dialog.py" line="21"/>
        <source>Reuse for another company</source>
        <translation>다른 회사에 재사용</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/editor/reuse_dialog.py" line="35"/>
        <source>Replace “%1” with the new name (%n place(s)), fixing particles</source>
        <translation>
            <numerusform>“%1”을(를) 새 회사명으로 바꾸고 조사도 고치기 (%n곳)</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../desktop/ui/editor/reuse_dialog.py" line="42"/>
        <source>A wrong company name is the mistake recruiters rank most fatal. Read the copy through before you submit it.</source>
        <translation>회사명 오기는 인사담당자가 꼽는 가장 치명적인 실수입니다. 제출 전에 사본을 끝까지 읽어 보세요.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/editor/reuse_dialog.py" line="48"/>
        <source>New company</source>
        <translation>새 회사</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/editor/reuse_dialog.py" line="49"/>
        <source>Role</source>
        <translation>직무</translation>
    </message>
</context>
<context>
    <name>ReviewPanel</name>
    <message>
        <location filename="../../desktop/ui/counsel/review_panel.py" line="75"/>
        <source>Add strength</source>
        <translation>좋은점 추가</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/counsel/review_panel.py" line="76"/>
        <source>Add point to improve</source>
        <translation>아쉬운점 추가</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/counsel/review_panel.py" line="77"/>
        <source>Edit…</source>
        <translation>수정…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/counsel/review_panel.py" line="88"/>
        <source>Save draft</source>
        <translation>임시 저장</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/counsel/review_panel.py" line="89"/>
        <source>Approve for the writer</source>
        <translation>승인해 지원자에게 전달</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/counsel/review_panel.py" line="100"/>
        <source>Tick to accept, untick to reject; double-click to edit. Rejected items stay out of the report.</source>
        <translation>체크하면 수락, 해제하면 거절입니다. 두 번 눌러 고칩니다. 거절한 항목은 보고서에 들어가지 않습니다.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/counsel/review_panel.py" line="111"/>
        <source>Summary</source>
        <translation>총평</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/counsel/review_panel.py" line="150"/>
        <source>No critique to review yet: run Review on this answer first.</source>
        <translation>검토할 첨삭이 없습니다. 먼저 이 답변의 첨삭을 실행하세요.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/counsel/review_panel.py" line="153"/>
        <source>Approved %1. Changes need approving again.</source>
        <translation>%1에 승인했습니다. 고치면 다시 승인해야 합니다.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/counsel/review_panel.py" line="155"/>
        <source>Draft review saved, not approved yet.</source>
        <translation>검토를 임시 저장했습니다. 아직 승인 전입니다.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/counsel/review_panel.py" line="157"/>
        <source>Automatic analysis (no model): review each item, then approve.</source>
        <translation>자동 분석(모델 없음): 항목을 하나씩 검토한 뒤 승인하세요.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/counsel/review_panel.py" line="159"/>
        <source>Model + automatic analysis draft: review each item, then approve.</source>
        <translation>모델 + 자동 분석 초안: 항목을 하나씩 검토한 뒤 승인하세요.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/counsel/review_panel.py" line="161"/>
        <source>AI draft: review each item, then approve.</source>
        <translation>AI 초안입니다. 항목마다 검토한 뒤 승인하세요.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/counsel/review_panel.py" line="163"/>
        <source>Unsaved changes.</source>
        <translation>저장되지 않은 변경이 있습니다.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/counsel/review_panel.py" line="169"/>
        <source>Strengths</source>
        <translation>좋은점</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/counsel/review_panel.py" line="170"/>
        <source>To improve</source>
        <translation>아쉬운점</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/counsel/review_panel.py" line="203"/>
        <source>(counselor)</source>
        <translation>(상담사)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/counsel/review_panel.py" line="205"/>
        <source>(model)</source>
        <translation>(모델)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/counsel/review_panel.py" line="307"/>
        <source>The review could not be saved: %1</source>
        <translation>첨삭을 저장하지 못했습니다: %1</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/counsel/review_panel.py" line="312"/>
        <source>Review approved: the report shows it.</source>
        <translation>검토를 승인했습니다. 보고서에 반영됩니다.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/counsel/review_panel.py" line="314"/>
        <source>Review saved.</source>
        <translation>검토를 저장했습니다.</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <location filename="../../desktop/ui/settings_dialog.py" line="25"/>
        <source>Settings</source>
        <translation>설정</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/settings_dialog.py" line="28"/>
        <source>Follow the system</source>
        <translation>시스템 설정 따르기</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/settings_dialog.py" line="42"/>
        <source>Suggest when I pause typing</source>
        <translation>입력을 멈추면 제안하기</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/settings_dialog.py" line="53"/>
        <source>Language (after restart)</source>
        <translation>언어 (재시작 후 적용)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/settings_dialog.py" line="54"/>
        <source>Autosave after a pause of</source>
        <translation>입력을 멈추고 자동 저장까지</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/settings_dialog.py" line="55"/>
        <source>Daily backups to keep</source>
        <translation>보관할 일일 백업 수</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/settings_dialog.py" line="57"/>
        <source>Typing pause before suggesting</source>
        <translation>제안까지 기다릴 입력 멈춤</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/settings_dialog.py" line="58"/>
        <source>Candidates per suggestion</source>
        <translation>제안당 후보 수</translation>
    </message>
</context>
<context>
    <name>SourceLabel</name>
    <message>
        <location filename="../../desktop/ui/assist/model_ability.py" line="25"/>
        <source>Automatic analysis</source>
        <translation>자동 분석</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/assist/model_ability.py" line="28"/>
        <source>Scores and points measured in the answer by the offline checks (figures, actions, results, sub-questions, clichés, spelling, length), without a model.</source>
        <translation>모델 없이 오프라인 점검이 답변에서 잰 점수와 항목입니다(수치, 행동, 결과, 하위 질문, 상투적 표현, 맞춤법, 분량).</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/assist/model_ability.py" line="35"/>
        <source>Model + automatic analysis</source>
        <translation>모델 + 자동 분석</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/assist/model_ability.py" line="38"/>
        <source>The automatic analysis, with the model&apos;s comments added. The scores are the analysis&apos;s; the model may move a judgement score by one point at most.</source>
        <translation>자동 분석에 모델의 의견을 더했습니다. 점수는 자동 분석의 것이며, 모델은 판단이 필요한 점수만 1점까지 움직일 수 있습니다.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/assist/model_ability.py" line="44"/>
        <source>Model</source>
        <translation>모델</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/assist/model_ability.py" line="45"/>
        <source>Written by the model alone (an earlier review).</source>
        <translation>모델만 쓴 리뷰입니다(이전 리뷰).</translation>
    </message>
</context>
<context>
    <name>TrashDialog</name>
    <message>
        <location filename="../../desktop/ui/editor/trash_dialog.py" line="33"/>
        <source>Trash</source>
        <translation>휴지통</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/editor/trash_dialog.py" line="38"/>
        <source>Restore</source>
        <translation>복원</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/editor/trash_dialog.py" line="39"/>
        <location filename="../../desktop/ui/editor/trash_dialog.py" line="76"/>
        <source>Delete permanently</source>
        <translation>영구 삭제</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/editor/trash_dialog.py" line="56"/>
        <source>Application</source>
        <translation>지원서</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/editor/trash_dialog.py" line="56"/>
        <source>Question</source>
        <translation>문항</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/editor/trash_dialog.py" line="77"/>
        <source>Delete %n item(s) for good? This cannot be undone.</source>
        <translation>
            <numerusform>%n개 항목을 영구 삭제할까요? 되돌릴 수 없습니다.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>WelcomePage</name>
    <message>
        <location filename="../../desktop/ui/editor/welcome.py" line="34"/>
        <source>New application…</source>
        <translation>새 지원서…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/editor/welcome.py" line="35"/>
        <source>Company, role and deadline; then add its questions</source>
        <translation>회사, 직무, 마감일을 적고 문항을 추가합니다</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/editor/welcome.py" line="36"/>
        <source>Import sample applications</source>
        <translation>예시 지원서 가져오기</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/editor/welcome.py" line="37"/>
        <source>Invented examples to try every feature on</source>
        <translation>모든 기능을 시험해 볼 수 있는 가상의 예시</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/editor/welcome.py" line="38"/>
        <source>Import essays…</source>
        <translation>자기소개서 가져오기…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/editor/welcome.py" line="40"/>
        <source>Essays you already wrote: .txt, .docx, .hwpx, .hwp or .pdf</source>
        <translation>이미 쓴 자기소개서: .txt, .docx, .hwpx, .hwp, .pdf</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/editor/welcome.py" line="80"/>
        <source>Welcome to Jaso</source>
        <translation>자소에 오신 것을 환영합니다</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/editor/welcome.py" line="83"/>
        <source>Write each answer of an application here: the count follows the portal&apos;s rule, every version is kept, and the checks run as you type. Start with one of these:</source>
        <translation>지원서의 답변을 여기에서 씁니다. 글자 수는 채용 사이트의 규칙대로 세고, 모든 버전이 남으며, 쓰는 동안 점검이 돌아갑니다. 다음 중 하나로 시작하세요.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/editor/welcome.py" line="89"/>
        <source>No application open</source>
        <translation>열린 지원서가 없습니다</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/editor/welcome.py" line="90"/>
        <source>Pick an application on the left, or:</source>
        <translation>왼쪽에서 지원서를 고르거나, 다음 중 하나를 고르세요.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/editor/welcome.py" line="97"/>
        <source>No model is installed: the checks, the count and the history work without one. Model ▸ Models… adds one for suggestions and reviews.</source>
        <translation>설치된 모델이 없습니다. 점검, 글자 수, 기록은 모델 없이도 됩니다. 이어 쓰기 제안과 첨삭에 쓸 모델은 모델 ▸ 모델 관리…에서 추가합니다.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/editor/welcome.py" line="102"/>
        <source>continues your sentences (grey text; Tab takes it)</source>
        <translation>문장 이어 쓰기 제안(회색 글, Tab으로 받기)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/editor/welcome.py" line="104"/>
        <source>reviews answers</source>
        <translation>답변 첨삭</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/editor/welcome.py" line="106"/>
        <source>Model: %1</source>
        <translation>모델: %1</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/editor/welcome.py" line="108"/>
        <source>What it does here: %1</source>
        <translation>할 수 있는 일: %1</translation>
    </message>
</context>
<context>
    <name>WindowActions</name>
    <message>
        <location filename="../../desktop/ui/window_actions.py" line="57"/>
        <location filename="../../desktop/ui/window_actions.py" line="73"/>
        <source>Could not save</source>
        <translation>저장하지 못했습니다</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/window_actions.py" line="101"/>
        <source>Delete application</source>
        <translation>지원서 삭제</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/window_actions.py" line="102"/>
        <source>Move “%1” to the trash? You can restore it from File ▸ Trash.</source>
        <translation>“%1” 지원서를 휴지통으로 옮길까요? 파일 ▸ 휴지통에서 복원할 수 있습니다.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/window_actions.py" line="118"/>
        <source>Import failed</source>
        <translation>가져오기 실패</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/window_actions.py" line="120"/>
        <source>Imported %n application(s).</source>
        <translation>
            <numerusform>지원서 %n개를 가져왔습니다.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../desktop/ui/window_actions.py" line="170"/>
        <source>About Jaso</source>
        <translation>자소 정보</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/window_actions.py" line="172"/>
        <source>Jaso %1
An offline writing assistant for job-application essays.

Data folder: %2</source>
        <translation>자소 %1
오프라인 자기소개서 작성 도우미

데이터 폴더: %2</translation>
    </message>
</context>
</TS>

<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ko_KR">
<context>
    <name>App</name>
    <message>
        <location filename="../../desktop/app.py" line="43"/>
        <source>Something went wrong. Your text is saved; details are in the log.</source>
        <translation>문제가 발생했습니다. 입력한 글은 저장되어 있으며 자세한 내용은 로그에 있습니다.</translation>
    </message>
</context>
<context>
    <name>ApplicationDialog</name>
    <message>
        <location filename="../../desktop/ui/application_dialog.py" line="31"/>
        <source>Edit application</source>
        <translation>지원서 정보 수정</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/application_dialog.py" line="31"/>
        <source>New application</source>
        <translation>새 지원서</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/application_dialog.py" line="36"/>
        <source>Has a deadline</source>
        <translation>마감일 있음</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/application_dialog.py" line="48"/>
        <source>Blind hiring (no school, hometown, family or age)</source>
        <translation>블라인드 채용 (학교·출신지·가족·나이 기재 금지)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/application_dialog.py" line="51"/>
        <source>For counselors: whose application this is</source>
        <translation>상담사용: 누구의 지원서인지</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/application_dialog.py" line="54"/>
        <source>Posting notes: duties, requirements, talent profile…</source>
        <translation>공고 메모: 직무 내용, 자격 요건, 인재상…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/application_dialog.py" line="57"/>
        <source>Company</source>
        <translation>회사</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/application_dialog.py" line="58"/>
        <source>Role</source>
        <translation>직무</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/application_dialog.py" line="59"/>
        <source>Career level</source>
        <translation>경력 구분</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/application_dialog.py" line="61"/>
        <source>Status</source>
        <translation>상태</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/application_dialog.py" line="63"/>
        <source>Client</source>
        <translation>내담자</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/application_dialog.py" line="64"/>
        <source>Essay language</source>
        <translation>작성 언어</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/application_dialog.py" line="65"/>
        <source>Posting notes</source>
        <translation>공고 메모</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/application_dialog.py" line="84"/>
        <source>Enter the company name.</source>
        <translation>회사명을 입력하세요.</translation>
    </message>
</context>
<context>
    <name>ApplicationListPanel</name>
    <message>
        <location filename="../../desktop/ui/app_list.py" line="38"/>
        <source>Search companies, questions and answers</source>
        <translation>회사, 문항, 답변 검색</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/app_list.py" line="41"/>
        <source>All</source>
        <translation>전체</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/app_list.py" line="97"/>
        <source>Due today</source>
        <translation>오늘 마감</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/app_list.py" line="99"/>
        <source>Closed %1</source>
        <translation>마감됨 %1</translation>
    </message>
</context>
<context>
    <name>ApplicationView</name>
    <message>
        <location filename="../../desktop/ui/application_view.py" line="56"/>
        <source>Edit details</source>
        <translation>정보 수정</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/application_view.py" line="57"/>
        <source>Add question</source>
        <translation>문항 추가</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/application_view.py" line="71"/>
        <source>Select an application on the left, or create one with File ▸ New application.</source>
        <translation>왼쪽에서 지원서를 선택하거나 파일 ▸ 새 지원서로 만드세요.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/application_view.py" line="96"/>
        <source>Could not open the application</source>
        <translation>지원서를 열 수 없습니다</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/application_view.py" line="126"/>
        <source>Deadline %1</source>
        <translation>마감 %1</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/application_view.py" line="129"/>
        <source>Blind hiring</source>
        <translation>블라인드 채용</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/application_view.py" line="131"/>
        <source>Client: %1</source>
        <translation>내담자: %1</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/application_view.py" line="165"/>
        <source>Could not save</source>
        <translation>저장하지 못했습니다</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/application_view.py" line="202"/>
        <source>Delete question</source>
        <translation>문항 삭제</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/application_view.py" line="203"/>
        <source>Move this question and its answer to the trash? You can restore it from File ▸ Trash.</source>
        <translation>이 문항과 답변을 휴지통으로 옮길까요? 파일 ▸ 휴지통에서 복원할 수 있습니다.</translation>
    </message>
</context>
<context>
    <name>Counter</name>
    <message>
        <location filename="../../desktop/ui/counter.py" line="21"/>
        <source>chars (incl. spaces)</source>
        <translation>자 (공백 포함)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/counter.py" line="22"/>
        <source>chars (incl. spaces, line break = 2)</source>
        <translation>자 (공백 포함, 줄바꿈 2자)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/counter.py" line="25"/>
        <source>chars (excl. spaces)</source>
        <translation>자 (공백 제외)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/counter.py" line="26"/>
        <source>bytes (Hangul = 2)</source>
        <translation>바이트 (한글 2)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/counter.py" line="27"/>
        <source>bytes (UTF-8)</source>
        <translation>바이트 (UTF-8)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/counter.py" line="28"/>
        <source>bytes (NEIS: Hangul = 3)</source>
        <translation>바이트 (NEIS: 한글 3)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/counter.py" line="29"/>
        <source>words</source>
        <translation>단어</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/counter.py" line="77"/>
        <source>%1 / %2 %3</source>
        <translation>%1 / %2%3</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/counter.py" line="86"/>
        <source>%1 %2</source>
        <translation>%1%2</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/counter.py" line="95"/>
        <source>Invisible characters: %n</source>
        <translation>
            <numerusform>보이지 않는 문자: %n개</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>HistoryDialog</name>
    <message>
        <location filename="../../desktop/ui/history_dialog.py" line="48"/>
        <source>Answer history</source>
        <translation>답변 기록</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/history_dialog.py" line="63"/>
        <source>Selected version</source>
        <translation>선택한 버전</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/history_dialog.py" line="64"/>
        <source>Current answer</source>
        <translation>현재 답변</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/history_dialog.py" line="81"/>
        <source>Restore this version</source>
        <translation>이 버전으로 복원</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/history_dialog.py" line="89"/>
        <source>No earlier versions yet.</source>
        <translation>아직 이전 버전이 없습니다.</translation>
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
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="75"/>
        <source>&amp;File</source>
        <translation>파일(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="76"/>
        <source>&amp;New application…</source>
        <translation>새 지원서(&amp;N)…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="78"/>
        <source>&amp;Reuse for another company…</source>
        <translation>다른 회사에 재사용(&amp;R)…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="80"/>
        <source>Import &amp;sample applications</source>
        <translation>예시 지원서 가져오기(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="83"/>
        <source>&amp;Delete application</source>
        <translation>지원서 삭제(&amp;D)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="85"/>
        <source>&amp;Trash…</source>
        <translation>휴지통(&amp;T)…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="87"/>
        <source>Se&amp;ttings…</source>
        <translation>설정(&amp;T)…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="88"/>
        <source>&amp;Quit</source>
        <translation>종료(&amp;Q)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="89"/>
        <source>&amp;Help</source>
        <translation>도움말(&amp;H)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="90"/>
        <source>&amp;About Jaso</source>
        <translation>자소 정보(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="123"/>
        <source>Saved %1</source>
        <translation>%1 저장됨</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="128"/>
        <source>Not saved: your text is kept and saving is retried</source>
        <translation>저장 안 됨: 입력한 글은 보존되며 저장을 다시 시도합니다</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="142"/>
        <location filename="../../desktop/ui/main_window.py" line="157"/>
        <source>Could not save</source>
        <translation>저장하지 못했습니다</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="182"/>
        <source>Delete application</source>
        <translation>지원서 삭제</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="183"/>
        <source>Move “%1” to the trash? You can restore it from File ▸ Trash.</source>
        <translation>“%1” 지원서를 휴지통으로 옮길까요? 파일 ▸ 휴지통에서 복원할 수 있습니다.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="198"/>
        <source>Import failed</source>
        <translation>가져오기 실패</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/main_window.py" line="200"/>
        <source>Imported %n application(s).</source>
        <translation>
            <numerusform>지원서 %n개를 가져왔습니다.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="225"/>
        <source>About Jaso</source>
        <translation>자소 정보</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="226"/>
        <source>Jaso %1
An offline writing assistant for job-application essays.

Data folder: %2</source>
        <translation>자소 %1
오프라인 자기소개서 작성 도우미

데이터 폴더: %2</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="247"/>
        <source>Unsaved text</source>
        <translation>저장되지 않은 글</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="248"/>
        <source>Some text could not be saved. Quit anyway and lose it?</source>
        <translation>일부 글을 저장하지 못했습니다. 그래도 종료하고 버릴까요?</translation>
    </message>
</context>
<context>
    <name>QuestionDialog</name>
    <message>
        <location filename="../../desktop/ui/question_dialog.py" line="28"/>
        <source>Edit question</source>
        <translation>문항 수정</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/question_dialog.py" line="28"/>
        <source>Add question</source>
        <translation>문항 추가</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/question_dialog.py" line="30"/>
        <source>Paste the question as the form states it, e.g. “지원동기를 기술해 주십시오. (700자 이내)”</source>
        <translation>지원서 양식의 문항을 그대로 붙여 넣으세요. 예: “지원동기를 기술해 주십시오. (700자 이내)”</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/question_dialog.py" line="34"/>
        <source>No limit</source>
        <translation>제한 없음</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/question_dialog.py" line="47"/>
        <source>Question</source>
        <translation>문항</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/question_dialog.py" line="48"/>
        <source>Limit</source>
        <translation>글자 수 제한</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/question_dialog.py" line="49"/>
        <source>Counting rule</source>
        <translation>세는 방식</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/question_dialog.py" line="71"/>
        <source>Found in the question: %1 %2</source>
        <translation>문항에서 찾음: %1 %2</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/question_dialog.py" line="80"/>
        <source>Enter the question text.</source>
        <translation>문항을 입력하세요.</translation>
    </message>
</context>
<context>
    <name>QuestionEditor</name>
    <message>
        <location filename="../../desktop/ui/question_editor.py" line="89"/>
        <source>Edit</source>
        <translation>수정</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/question_editor.py" line="89"/>
        <source>Edit the question, its limit and counting rule</source>
        <translation>문항, 글자 수 제한, 세는 방식 수정</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/question_editor.py" line="91"/>
        <source>History</source>
        <translation>기록</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/question_editor.py" line="91"/>
        <source>Earlier versions of this answer</source>
        <translation>이 답변의 이전 버전</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/question_editor.py" line="93"/>
        <source>Move up</source>
        <translation>위로</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/question_editor.py" line="94"/>
        <source>Move down</source>
        <translation>아래로</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/question_editor.py" line="95"/>
        <source>Delete</source>
        <translation>삭제</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/question_editor.py" line="95"/>
        <source>Move this question to the trash</source>
        <translation>이 문항을 휴지통으로</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/question_editor.py" line="108"/>
        <source>Write your answer here…</source>
        <translation>여기에 답변을 쓰세요…</translation>
    </message>
</context>
<context>
    <name>ReuseDialog</name>
    <message>
        <location filename="../../desktop/ui/reuse_dialog.py" line="21"/>
        <source>Reuse for another company</source>
        <translation>다른 회사에 재사용</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/reuse_dialog.py" line="28"/>
        <source>Replace “%1” with the new name (%n place(s)), fixing particles</source>
        <translation>
            <numerusform>“%1”을(를) 새 회사명으로 바꾸고 조사도 고치기 (%n곳)</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../desktop/ui/reuse_dialog.py" line="33"/>
        <source>A wrong company name is the mistake recruiters rank most fatal. Read the copy through before you submit it.</source>
        <translation>회사명 오기는 인사담당자가 꼽는 가장 치명적인 실수입니다. 제출 전에 사본을 끝까지 읽어 보세요.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/reuse_dialog.py" line="37"/>
        <source>New company</source>
        <translation>새 회사</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/reuse_dialog.py" line="38"/>
        <source>Role</source>
        <translation>직무</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <location filename="../../desktop/ui/settings_dialog.py" line="13"/>
        <source>Settings</source>
        <translation>설정</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/settings_dialog.py" line="15"/>
        <source>Follow the system</source>
        <translation>시스템 설정 따르기</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/settings_dialog.py" line="28"/>
        <source>Language (after restart)</source>
        <translation>언어 (재시작 후 적용)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/settings_dialog.py" line="29"/>
        <source>Autosave after a pause of</source>
        <translation>입력을 멈추고 자동 저장까지</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/settings_dialog.py" line="30"/>
        <source>Daily backups to keep</source>
        <translation>보관할 일일 백업 수</translation>
    </message>
</context>
<context>
    <name>TrashDialog</name>
    <message>
        <location filename="../../desktop/ui/trash_dialog.py" line="33"/>
        <source>Trash</source>
        <translation>휴지통</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/trash_dialog.py" line="38"/>
        <source>Restore</source>
        <translation>복원</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/trash_dialog.py" line="39"/>
        <location filename="../../desktop/ui/trash_dialog.py" line="75"/>
        <source>Delete permanently</source>
        <translation>영구 삭제</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/trash_dialog.py" line="56"/>
        <source>Application</source>
        <translation>지원서</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/trash_dialog.py" line="56"/>
        <source>Question</source>
        <translation>문항</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/trash_dialog.py" line="76"/>
        <source>Delete %n item(s) for good? This cannot be undone.</source>
        <translation>
            <numerusform>%n개 항목을 영구 삭제할까요? 되돌릴 수 없습니다.</numerusform>
        </translation>
    </message>
</context>
</TS>
